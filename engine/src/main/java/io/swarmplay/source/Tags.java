package io.swarmplay.source;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.Set;

/**
 * YAML tags swarmplay honours: the core schema's ({@code !!str}, {@code !!int}, ...) and Ansible's
 * {@code !unsafe} (read as the plain string). Anything else would otherwise be dropped silently and
 * its value used as if untagged: {@code !vault} ciphertext as a password, {@code !!python/object}
 * as a mapping. Those are errors at the tag.
 */
final class Tags {

    static final String VAULT = "vault-encrypted value: swarmplay does not decrypt Ansible Vault yet";
    static final String VAULT_HINT = "pass the secret with -e @secrets.yml (a file kept out of the repository) instead";

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
        if (tag.equals("!vault")) {
            diagnostics.add(Diagnostic.error(VAULT, at).withWidth(shown.length()).withHint(VAULT_HINT));
        } else {
            diagnostics.add(Diagnostic.error("unknown yaml tag '" + shown + "'", at).withWidth(shown.length())
                    .withHint("remove the tag: swarmplay reads plain YAML values (and Ansible's !unsafe)"));
        }
        return false;
    }

    /** A tag as written: {@code !!python/object:os.system}, {@code !mytag}. */
    static String display(Tag tag) {
        String value = tag.getValue();
        return value.startsWith(CORE) ? "!!" + value.substring(CORE.length()) : value;
    }
}
