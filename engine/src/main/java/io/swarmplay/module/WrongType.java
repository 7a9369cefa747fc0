package io.swarmplay.module;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The message when an argument's value has the wrong type, where Ansible's action plugin for the
 * module has its own (fetch's {@code Invalid type supplied for source option, it must be a string})
 * instead of the binder's {@code 'NAME' must be a string (got a list)}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface WrongType {
    String value();
}
