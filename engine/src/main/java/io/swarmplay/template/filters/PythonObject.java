package io.swarmplay.template.filters;

import java.util.Optional;

/**
 * A Python value with attributes and methods of its own ({@code datetime}, {@code timedelta}):
 * what a template reads as {@code x.year} and calls as {@code x.strftime('%Y')}.
 */
public interface PythonObject {

    /** Python's type name, as {@code type_debug} prints it. */
    String pythonType();

    /** The attribute's value, or empty when the object has no such attribute. */
    Optional<Object> attribute(String name);

    /** The method's result, or empty when the object has no such method. */
    Optional<Object> call(String method, Object[] args);
}
