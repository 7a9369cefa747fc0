package io.swarmplay.playbook;

import java.util.Set;

/** The keywords the loader knows, by where they may appear. */
final class Keywords {

    /** Options valid on tasks, blocks and includes alike. */
    static final Set<String> COMMON = Set.of("name", "when", "tags", "vars", "become", "become_user", "become_method", "become_exe", "become_flags", "remote_user", "ignore_errors",
            "no_log", "run_once", "delegate_to", "check_mode", "environment", "timeout", "diff", "debugger", "throttle",
            "any_errors_fatal", "ignore_unreachable", "delegate_facts", "module_defaults");

    /** Options that make sense only on a single module call (or an include's loop). */
    static final Set<String> TASK_ONLY = Set.of("loop", "with_items", "with_list", "with_dict", "loop_control",
            "register", "changed_when", "failed_when", "until", "retries", "delay", "notify", "args", "async", "poll");

    static final Set<String> BLOCK = Set.of("block", "rescue", "always");

    /**
     * What {@code include_tasks} takes (Ansible's {@code TaskInclude.VALID_INCLUDE_KEYWORDS} less
     * {@code apply} and {@code run_once}): they act on the include itself, and only {@code vars}
     * reach the included tasks.
     */
    static final Set<String> INCLUDE = Set.of("name", "when", "tags", "vars", "loop", "with_items", "with_list",
            "with_dict", "loop_control", "register", "ignore_errors", "no_log", "timeout", "debugger", "include_tasks");

    /** Keys that turn a task entry into something other than a module call. */
    static final Set<String> SPECIAL = Set.of("block", "rescue", "always", "include_tasks", "import_tasks",
            "include_role", "import_role", "include", "local_action", "action", "listen");

    /**
     * Ansible's warning for a template in a static keyword ({@code register}, {@code collections}, {@code listen}):
     * Ansible uses the value as written.
     */
    static String notTemplatable(String keyword, String value) {
        return "\"" + keyword + "\" is not templatable, but we found: " + value
                + ", it will not be templated and will be used \"as is\".";
    }

    /** Accepted and ignored, with a warning. */
    static final Set<String> IGNORED = Set.of("debugger");

    static final Set<String> PLAY = Set.of("name", "hosts", "vars", "vars_files", "tasks", "pre_tasks", "post_tasks",
            "handlers", "any_errors_fatal", "serial", "max_fail_percentage", "gather_facts", "environment", "tags", "connection", "become",
            "become_user", "become_method", "become_exe", "become_flags", "strategy", "roles", "collections", "force_handlers",
            "check_mode", "ignore_errors", "no_log", "diff", "run_once", "order", "gather_subset", "fact_path", "remote_user",
            "vars_prompt", "module_defaults", "ignore_unreachable", "throttle");

    /** The {@code become_method}s swarmplay can use. */
    static final Set<String> BECOME_METHODS = io.swarmplay.connection.Become.METHODS;

    /** Ansible task keywords swarmplay does not support yet, with what to do instead. */
    static final java.util.Map<String, String> UNSUPPORTED_TASK = java.util.Map.of();

    /** Ansible play keywords swarmplay does not support yet, with what to do instead. */
    static final java.util.Map<String, String> UNSUPPORTED_PLAY = java.util.Map.of();

    /**
     * The lookups a {@code with_<name>} loop may name; the same names as the template layer's
     * lookup table (a test keeps the two in step, the loader cannot depend on the template layer).
     */
    static final Set<String> LOOKUP_LOOPS = Set.of("file", "env", "template", "list", "flattened", "indexed_items",
            "together", "nested", "sequence", "first_found", "fileglob", "pipe", "lines", "vars", "varnames",
            "random_choice", "subelements", "csvfile", "inventory_hostnames", "ini", "unvault", "password", "config");

    /** Whether {@code key} is a {@code with_<lookup>} loop other than the four read natively. */
    static boolean isLookupLoop(String key) {
        return key.startsWith("with_") && LOOKUP_LOOPS.contains(key.substring("with_".length()));
    }

    private Keywords() {
    }

    /** Every task-level keyword (for did-you-mean). */
    static Set<String> allTaskKeywords() {
        java.util.Set<String> all = new java.util.TreeSet<>(COMMON);
        all.addAll(TASK_ONLY);
        all.addAll(SPECIAL);
        return all;
    }

    static boolean isTaskKeyword(String key) {
        return COMMON.contains(key) || TASK_ONLY.contains(key) || SPECIAL.contains(key) || isLookupLoop(key);
    }
}
