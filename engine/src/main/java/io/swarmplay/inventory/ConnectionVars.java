package io.swarmplay.inventory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The short connection variable names swarmplay accepts besides Ansible's: {@code host},
 * {@code port}, {@code user}, {@code ssh_key}, {@code connection}. At load each is copied to its
 * {@code ansible_*} name (both stay available); an {@code ansible_*} value written in the same
 * mapping wins over the short form.
 */
final class ConnectionVars {

    static final Map<String, String> SHORT_FORMS = Map.of(
            "host", "ansible_host",
            "port", "ansible_port",
            "user", "ansible_user",
            "ssh_key", "ansible_ssh_private_key_file",
            "connection", "ansible_connection");

    private ConnectionVars() {
    }

    /** {@code vars} with every short form also present under its {@code ansible_*} name. */
    static Map<String, Object> normalise(Map<String, Object> vars) {
        Map<String, Object> out = new LinkedHashMap<>(vars);
        for (Map.Entry<String, Object> e : vars.entrySet()) {
            String full = SHORT_FORMS.get(e.getKey());
            if (full != null && !vars.containsKey(full)) out.put(full, e.getValue());
        }
        return out;
    }
}
