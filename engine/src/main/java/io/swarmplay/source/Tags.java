package io.swarmplay.source;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.Set;

/**
 * YAML tags swarmplay honours: the core schema's ({@code !!str}, {@code !!int}, ...) and Ansible's
 * {@code !unsafe} (read as the plain string) and {@code !vault} (decrypted, see {@link Vault}).
 * Anything else would otherwise be dropped silently and its value used as if untagged
 * ({@code !!python/object} as a mapping): those are errors at the tag.
 */
final class Tags {


    private static final String CORE = "tag:yaml.org,2002:";
    private static final Set<String> KNOWN = Set.of("str", "int", "float", "bool", "null", "seq", "map",
            "binary", "timestamp", "merge");
    private static final Set<String> ANSIBLE = Set.of("!unsafe");

    private Tags() {
    }

    /** True when {@code node}'s tag is one swarmplay honours; otherwise reports it and returns false. */
    static boolean check(Node node, SourceFile source, Diagnostics diagnostics) {
        String tag = node.getTag().getValue();
        if (ANSIBLE.contains(tag) || (tag.startsWith(CORE) && KNOWN.contains(tag.substring(CORE.length())))) return true;
        SourcePosition at = node.getStartMark().map(m -> YamlReader.position(source.path(), m))
                .orElse(new SourcePosition(source.path(), 1, 1));
        String shown = display(node.getTag());
        String hint = tag.equals("!vault") ? "!vault marks an encrypted string: write `!vault |` and the $ANSIBLE_VAULT lines"
                : "remove the tag: swarmplay reads plain YAML values, Ansible's !unsafe and !vault";
        diagnostics.add(Diagnostic.error("unknown yaml tag '" + shown + "'", at).withWidth(shown.length()).withHint(hint));
        return false;
    }

    /** True for Ansible's {@code !vault}: an encrypted string, which {@link NodeConverter} decrypts. */
    static boolean isVault(Node node) {
        return node.getTag().getValue().equals("!vault");
    }

    /** True for Ansible's {@code !unsafe}: text never rendered as a template ({@link UnsafeText}). */
    static boolean isUnsafe(Node node) {
        return node.getTag().getValue().equals("!unsafe");
    }

    /** A tag as written: {@code !!python/object:os.system}, {@code !mytag}. */
    static String display(Tag tag) {
        String value = tag.getValue();
        return value.startsWith(CORE) ? "!!" + value.substring(CORE.length()) : value;
    }
}
