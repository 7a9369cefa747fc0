package io.swarmplay.module;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A module's YAML name and capabilities.
 * {@code aliases} lists the other names it answers to, e.g. {@code ansible.builtin.copy}
 * (every module also answers to {@code ansible.builtin.<name>} without listing it).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ModuleInfo {

    String name();

    String[] aliases() default {};

    CheckSupport checkMode() default CheckSupport.FULL;

    boolean diff() default false;

    /**
     * The module never changes a host (it reads, checks or sets variables): the default plan view
     * counts such steps instead of listing them unless they fail.
     */
    boolean readOnly() default false;

    /** Argument key that takes the free-form string of {@code command: ls -l} (e.g. {@code cmd}); empty when the module has none. */
    String freeForm() default "";
}
