package io.swarmplay.run;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Variable names Ansible 2.14 reserves: its play, role, block and task keywords and the globals of
 * its Jinja environment. A play whose variables use one gets Ansible's warning (the variable still
 * works, as in Ansible).
 */
final class ReservedNames {

    private static final Set<String> RESERVED = Set.of(
            // the keywords of Play, Role, Block and Task (ansible.vars.reserved.get_reserved_names)
            "action", "always", "any_errors_fatal", "args", "async", "async_val", "become", "become_exe", "become_flags",
            "become_method", "become_user", "block", "changed_when", "check_mode", "collections", "connection", "debugger",
            "delay", "delegate_facts", "delegate_to", "diff", "environment", "fact_path", "failed_when", "force_handlers",
            "gather_facts", "gather_subset", "gather_timeout", "handlers", "hosts", "ignore_errors", "ignore_unreachable",
            "local_action", "loop", "loop_control", "loop_with", "max_fail_percentage", "module_defaults", "name", "no_log",
            "notify", "order", "poll", "port", "post_tasks", "pre_tasks", "register", "remote_user", "rescue", "retries",
            "roles", "run_once", "serial", "strategy", "tags", "tasks", "throttle", "timeout", "until", "vars_files",
            "vars_prompt", "when", "with_",
            // the Jinja globals of Ansible's templar
            "cycler", "dict", "joiner", "lipsum", "lookup", "namespace", "now", "q", "query", "range", "undef");

    private ReservedNames() {
    }

    /** Ansible's warning for each reserved name among {@code names}, in name order. */
    static List<String> warnings(Collection<String> names) {
        return new TreeSet<>(names).stream().filter(RESERVED::contains)
                .map(name -> "Found variable using reserved name: " + name).toList();
    }
}
