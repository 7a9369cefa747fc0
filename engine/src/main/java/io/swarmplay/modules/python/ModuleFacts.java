package io.swarmplay.modules.python;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The facts a user's module returned ({@code ansible_facts}) as Ansible stores them: every fact
 * is namespaced under {@code ansible_facts} without its {@code ansible_} prefix ({@code namespace_facts}),
 * and injected as a variable unless it could override a connection or internal key ({@code clean_facts}:
 * {@code ansible_facts}, {@code ansible_playbook_python}, connection settings, interpreters).
 */
final class ModuleFacts {

    // Ansible's RESTRICTED_RESULT_KEYS, INTERNAL_RESULT_KEYS and COMMON_CONNECTION_VARS
    private static final Set<String> RESTRICTED = Set.of("ansible_rsync_path", "ansible_playbook_python", "ansible_facts",
            "add_host", "add_group", "ansible_connection", "ansible_host", "ansible_user", "ansible_shell_executable",
            "ansible_port", "ansible_pipelining", "ansible_password", "ansible_timeout", "ansible_shell_type",
            "ansible_module_compression", "ansible_private_key_file");
    private static final Pattern INTERPRETER = Pattern.compile("^ansible_.*_interpreter$");
    // connection plugin settings (ansible_<plugin>_...) and become settings
    private static final Pattern CONNECTION = Pattern.compile("^ansible_(?:(?:local|ssh|paramiko|paramiko_ssh|psrp|winrm)_.*|become_.*)$");

    private ModuleFacts() {
    }

    /** The variables the facts set: the cleaned facts, and {@code ansible_facts} with all of them namespaced. */
    static Map<String, Object> variables(Map<String, Object> facts) {
        Map<String, Object> vars = new LinkedHashMap<>();
        Map<String, Object> namespaced = new LinkedHashMap<>();
        facts.forEach((name, value) -> {
            if (!restricted(name)) vars.put(name, value);
            namespaced.put(name.startsWith("ansible_") && !name.equals("ansible_local") ? name.substring(8) : name, value);
        });
        vars.put("ansible_facts", namespaced);
        return vars;
    }

    static boolean restricted(String name) {
        if (name.startsWith("ansible_ssh_host_key_")) return false; // Ansible keeps the host keys
        return RESTRICTED.contains(name) || INTERPRETER.matcher(name).matches()
                || CONNECTION.matcher(name).matches() && !name.endsWith("_bridge") && !name.endsWith("_gwbridge");
    }
}
