package io.swarmplay.template.filters;

import java.util.Optional;

/**
 * A Python class, as {@code x.__class__} gives it: prints as {@code <class 'bool'>}, is of type
 * {@code type} for {@code type_debug}, and names itself with {@code __name__}.
 *
 * @param name the class's name ({@code bool}, {@code str}, {@code dict}...)
 */
public record PyType(String name) implements PythonObject {

    /** The class of {@code value}: Python's {@code type(value)}. */
    public static PyType of(Object value) {
        return new PyType(TypeFilters.pythonType(value));
    }

    @Override
    public String pythonType() {
        return "type";
    }

    @Override
    public Optional<Object> attribute(String attribute) {
        return attribute.equals("__name__") ? Optional.of(name) : Optional.empty();
    }

    @Override
    public Optional<Object> call(String method, Object[] args) {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "<class '" + name + "'>";
    }
}
