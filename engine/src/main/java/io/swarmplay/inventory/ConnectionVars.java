package io.swarmplay.inventory;

import io.swarmplay.source.Diagnostic;
import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.Nodes;
import io.swarmplay.source.YamlNode;

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

    /** Whole-number connection variables and their ranges. */
    private static final Map<String, int[]> NUMBERS = Map.of(
            "ansible_port", new int[]{1, 65535}, "port", new int[]{1, 65535},
            "ansible_timeout", new int[]{1, 86400}, "ansible_ssh_timeout", new int[]{1, 86400});

    /**
     * Reports connection variables written as literals that cannot work ({@code ansible_port: abc},
     * {@code ansible_port: 99999}), here where their line is known rather than when the host is
     * contacted. Templated values are checked when rendered.
     */
    static void check(YamlNode.Mapping vars, Diagnostics diagnostics) {
        for (YamlNode.Entry e : vars.entries()) {
            int[] range = NUMBERS.get(e.name());
            if (range == null || !(e.value() instanceof YamlNode.Scalar s) || s.value() == null) continue;
            if (s.value() instanceof String text && text.contains("{{")) continue;
            Long n = wholeNumber(s);
            if (n == null || n < range[0] || n > range[1]) {
                diagnostics.add(Diagnostic.error("expected a whole number from " + range[0] + " to " + range[1] + " for '"
                        + e.name() + "', found " + Nodes.describe(s), s.at()).withWidth(s.width()));
            }
        }
    }

    private static Long wholeNumber(YamlNode.Scalar s) {
        if (s.value() instanceof Integer || s.value() instanceof Long) return ((Number) s.value()).longValue();
        try {
            return Long.parseLong(s.text().strip());
        } catch (NumberFormatException e) {
            return null;
        }
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
