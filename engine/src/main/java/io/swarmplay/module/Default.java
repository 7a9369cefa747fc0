package io.swarmplay.module;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The value an absent argument takes, written as in YAML ({@code "true"}, {@code "300"}, {@code "present"}). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Default {

    /**
     * No default: the absent argument stays null even with {@code @Choices} (the module decides, as
     * Ansible's file takes the path's current state for a missing {@code state}).
     */
    String NONE = "\u0000none";

    String value();
}
