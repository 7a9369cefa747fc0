package io.swarmplay.playbook;

import io.swarmplay.source.Nodes;
import io.swarmplay.source.Suggest;
import io.swarmplay.source.YamlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a play's {@code vars_prompt} list (Ansible's keys; {@code encrypt} is refused). */
final class VarsPromptReader {

    private static final Set<String> KEYS = Set.of("name", "prompt", "default", "private", "confirm", "unsafe",
            "encrypt", "salt", "salt_size");
    private static final Set<String> REFUSED = Set.of("encrypt", "salt", "salt_size");

    private final LoadSession session;

    VarsPromptReader(LoadSession session) {
        this.session = session;
    }

    List<VarsPrompt> read(YamlNode node) {
        List<VarsPrompt> prompts = new ArrayList<>();
        if (node == null) return prompts;
        Nodes.sequence(node, "'vars_prompt'", session.diagnostics).ifPresent(seq -> {
            for (YamlNode item : seq.items()) {
                Nodes.mapping(item, "an entry of 'vars_prompt'", session.diagnostics).map(this::entry).ifPresent(prompts::add);
            }
        });
        return prompts;
    }

    private VarsPrompt entry(YamlNode.Mapping m) {
        // Ansible's words (play.py): the name is checked first, then the keys
        if (!m.has("name")) {
            session.error("Invalid vars_prompt data structure, missing 'name' key", m.at(), 1, "add `name: the_variable`");
            return null;
        }
        checkKeys(m);
        String name = Nodes.string(m.get("name"), "'name'", session.diagnostics);
        String prompt = m.has("prompt") ? Nodes.string(m.get("prompt"), "'prompt'", session.diagnostics) : null;
        Object defaultValue = m.has("default") ? m.get("default").value() : null;
        return name == null ? null : new VarsPrompt(name, prompt == null ? name : prompt, defaultValue,
                flag(m, "private", true), flag(m, "confirm", false), flag(m, "unsafe", false));
    }

    private void checkKeys(YamlNode.Mapping m) {
        for (YamlNode.Entry e : m.entries()) {
            if (REFUSED.contains(e.name())) {
                session.error("'" + e.name() + "' in 'vars_prompt' is not supported", e.key().at(), e.name().length(),
                        "prompt for the plain value and hash it in a task, e.g. `{{ answer | password_hash('sha512') }}`");
            } else if (!KEYS.contains(e.name())) {
                session.error("Invalid vars_prompt data structure, found unsupported key '" + e.name() + "'", e.key().at(), e.name().length(),
                        TaskOptionsReader.hintOr(Suggest.hint(e.name(), KEYS), "keys: " + String.join(", ", new java.util.TreeSet<>(KEYS))));
            }
        }
    }

    private boolean flag(YamlNode.Mapping m, String key, boolean absent) {
        Boolean b = m.has(key) ? Nodes.bool(m.get(key), "'" + key + "'", session.diagnostics) : null;
        return b == null ? absent : b;
    }
}
