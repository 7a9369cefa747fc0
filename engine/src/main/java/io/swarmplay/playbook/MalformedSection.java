package io.swarmplay.playbook;

import io.swarmplay.source.YamlNode;
import io.swarmplay.template.filters.TypeFilters;
import io.swarmplay.template.filters.Values;

import java.util.Map;

/**
 * Ansible's words (playbook/play.py, block.py) for a play or block section that is not a list:
 * users and scripts look for them.
 */
final class MalformedSection {

    private static final String BLOCK = "A malformed block was encountered while loading ";

    /** Section keyword → Ansible 2.14's message; {@code tasks} adds the value and its type. */
    private static final Map<String, String> MESSAGES = Map.of(
            "pre_tasks", BLOCK + "pre_tasks",
            "post_tasks", BLOCK + "post_tasks",
            "handlers", BLOCK + "handlers",
            "roles", "A malformed role declaration was encountered.",
            "block", BLOCK + "a block",
            "rescue", BLOCK + "rescue.",
            "always", BLOCK + "always");

    private MalformedSection() {
    }

    /** The message for section {@code key} whose value {@code value} is not a list. */
    static String message(String key, YamlNode value) {
        if (key.equals("tasks")) {
            Object v = value.value();
            return BLOCK + "tasks: " + Values.str(v) + " should be a list or None but is <class '" + loadedType(value) + "'>";
        }
        return MESSAGES.getOrDefault(key, "expected a list for '" + key + "', found " + value.kind());
    }

    /** The Python type Ansible's YAML loader gives a node's value. */
    private static String loadedType(YamlNode node) {
        if (node instanceof YamlNode.Mapping) return "ansible.parsing.yaml.objects.AnsibleMapping";
        Object v = node.value();
        return v instanceof String ? "ansible.parsing.yaml.objects.AnsibleUnicode" : TypeFilters.pythonType(v);
    }
}
