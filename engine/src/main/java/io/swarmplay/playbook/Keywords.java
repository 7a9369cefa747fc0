package io.swarmplay.playbook;

import java.util.Set;

/** The keywords the loader knows, by where they may appear. */
final class Keywords {

    /** Options valid on tasks, blocks and includes alike. */
    static final Set<String> COMMON = Set.of("name", "when", "tags", "vars", "become", "become_user", "ignore_errors",
            "no_log", "run_once", "delegate_to", "check_mode", "environment", "timeout", "diff", "debugger", "throttle");

    /** Options that make sense only on a single module call (or an include's loop). */
    static final Set<String> TASK_ONLY = Set.of("loop", "with_items", "with_list", "with_dict", "loop_control",
            "register", "changed_when", "failed_when", "until", "retries", "delay", "notify", "args");

    static final Set<String> BLOCK = Set.of("block", "rescue", "always");

    /** Keys that turn a task entry into something other than a module call. */
    static final Set<String> SPECIAL = Set.of("block", "rescue", "always", "include_tasks", "import_tasks",
            "local_action", "action", "listen");

    /** Accepted and ignored, with a warning. */
    static final Set<String> IGNORED = Set.of("debugger", "throttle");

    static final Set<String> PLAY = Set.of("name", "hosts", "vars", "vars_files", "tasks", "pre_tasks", "post_tasks",
            "handlers", "any_errors_fatal", "serial", "gather_facts", "environment", "tags", "connection", "become",
            "become_user", "strategy", "roles", "collections");

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
        return COMMON.contains(key) || TASK_ONLY.contains(key) || SPECIAL.contains(key);
    }
}
