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

    /**
     * Arguments holding Jinja conditions ({@code assert}'s {@code that}): like {@code when}, one that
     * holds {@code {{ }}} gets Ansible's warning about templating delimiters.
     */
    String[] conditions() default {};

    /** Argument key that takes the free-form string of {@code command: ls -l} (e.g. {@code cmd}); empty when the module has none. */
    String freeForm() default "";

    /**
     * One of Ansible's command-like free-form modules ({@code command}, {@code shell}, {@code raw},
     * {@code script}): inside the free-form string only Ansible's fixed keys ({@code creates},
     * {@code removes}, {@code chdir}, {@code executable}, {@code stdin}, ...) are read as
     * {@code key=value} arguments; any other {@code key=value} stays in the command. False: every
     * argument of the module is.
     */
    boolean commandArgs() default false;

    /**
     * Runs once per task, for the first host of the play, instead of once per host (Ansible's
     * {@code BYPASS_HOST_LOOP}, e.g. {@code add_host}); a loop still runs every item. Unlike
     * {@code run_once}, the result is registered for that host only.
     */
    boolean bypassHostLoop() default false;

    /**
     * Ansible checks the arguments in an action plugin ({@code wait_for_connection}): an unknown one
     * fails as {@code Invalid options for NAME: KEYS} instead of a module's {@code Unsupported parameters}.
     */
    boolean actionArgs() default false;

    /**
     * Ansible's {@code -vvv} {@code EXEC} lines show the commands this module runs ({@code raw} and
     * {@code script} run their command through the connection). False: a module's commands are its
     * own work (Ansible runs a module file whose arguments never appear), so an {@code EXEC} line
     * shows the module's name in their place, become prefix kept.
     */
    boolean commandsShown() default false;

    /** Where the variables the module returns take effect (Ansible keeps set_fact's, include_vars' and other facts apart). */
    VarsLayer setsVars() default VarsLayer.FACTS;
}
