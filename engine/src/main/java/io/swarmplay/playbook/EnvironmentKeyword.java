package io.swarmplay.playbook;

import io.swarmplay.source.Diagnostic;
import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.Nodes;
import io.swarmplay.source.YamlNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code environment} keyword as Ansible takes it: a mapping, a template that renders to one
 * ({@code environment: "{{ proxy_env }}"}), or a list of either, merged in order. A template is
 * kept in the map under a key of its own ({@link #TEMPLATE_KEY} and the template), rendered and
 * merged in its place when the step runs ({@link #isTemplate}).
 */
public final class EnvironmentKeyword {

    /** Starts the key of an entry whose value is a template for a whole mapping; no variable name can start so. */
    public static final String TEMPLATE_KEY = "\u0000environment:";

    private EnvironmentKeyword() {
    }

    /** True when {@code key} holds a template for a whole mapping rather than one variable. */
    public static boolean isTemplate(String key) {
        return key.startsWith(TEMPLATE_KEY);
    }

    static Map<String, Object> read(YamlNode node, String what, Diagnostics diagnostics) {
        Map<String, Object> env = new LinkedHashMap<>();
        List<YamlNode> parts = node instanceof YamlNode.Sequence seq ? seq.items() : List.of(node);
        for (YamlNode part : parts) {
            if (part instanceof YamlNode.Scalar s && s.value() instanceof String text && Templates.isTemplated(text)) {
                env.put(TEMPLATE_KEY + text, text);
            } else if (part instanceof YamlNode.Scalar s && s.value() == null) {
                continue; // `environment:` with nothing sets nothing
            } else if (part instanceof YamlNode.Mapping m) {
                env.putAll(m.value());
            } else {
                diagnostics.add(Diagnostic.error("expected a mapping (or a template giving one) for " + what + ", found "
                        + Nodes.describe(part), part.at()).withWidth(Nodes.width(part))
                        .withHint("write `environment: {NAME: value}` or `environment: \"{{ a_dict }}\"`"));
            }
        }
        return env;
    }
}
