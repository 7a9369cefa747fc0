package io.swarmplay.module;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * A table of arguments for modules with many of them (community.docker's option tables): a
 * record component of type {@link Options} annotated {@link From} takes every key the table
 * declares, each converted and checked by {@link ArgsBinder} like a component of its own.
 * Implementations have a public no-argument constructor.
 */
public interface ArgTable {

    List<TableArg> args();

    /** Names the table of an {@link Options} component. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
    @interface From {
        Class<? extends ArgTable> value();
    }
}
