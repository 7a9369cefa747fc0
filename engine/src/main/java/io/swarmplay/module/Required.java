package io.swarmplay.module;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A module argument that must be given. {@link #value()} is the message when it is missing, where
 * Ansible's action plugin for the module has its own (copy's {@code dest is required}); empty for
 * the binder's {@code missing required argument 'NAME'}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Required {
    /** Ansible's template, fetch and assemble actions' message for a missing src or dest. */
    String SRC_AND_DEST = "src and dest are required";
    /** Ansible's unarchive action's message for a missing src or dest. */
    String SRC_OR_CONTENT_AND_DEST = "src (or content) and dest are required";

    String value() default "";
}
