package io.swarmplay.playbook;

import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.Nodes;
import io.swarmplay.source.SourcePosition;
import io.swarmplay.source.YamlNode;
import io.swarmplay.source.YamlReader;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads a variables file ({@code vars_files}, {@code -e @file.yml}): a YAML mapping of names to
 * values. An empty file has no variables.
 */
public final class VarsFileLoader {

    private VarsFileLoader() {
    }

    /**
     * The file's variables.
     *
     * @throws io.swarmplay.source.LoadException with the diagnostics when the file is missing,
     *                                            is not valid YAML or is not a mapping
     */
    public static Map<String, Object> load(Path file) {
        return load(file, io.swarmplay.source.Vault.none());
    }

    /** As {@link #load(Path)}, decrypting a vault-encrypted file or {@code !vault} values with {@code vault}. */
    public static Map<String, Object> load(Path file, io.swarmplay.source.Vault vault) {
        Diagnostics diagnostics = new Diagnostics();
        Map<String, Object> vars = load(file, SourcePosition.UNKNOWN, diagnostics, vault);
        diagnostics.throwIfErrors();
        return vars;
    }

    /** The file's variables, or an empty map after adding the problem to {@code diagnostics}. */
    public static Map<String, Object> load(Path file, SourcePosition referencedAt, Diagnostics diagnostics,
                                           io.swarmplay.source.Vault vault) {
        YamlNode root = new YamlReader(diagnostics, vault).read(file, referencedAt).orElse(null);
        if (root == null) return new LinkedHashMap<>();
        return Nodes.mapping(root, "the variables in '" + file + "'", diagnostics)
                .map(YamlNode.Mapping::value).orElseGet(LinkedHashMap::new);
    }

    /**
     * Variables from YAML or JSON text (e.g. {@code -e '{"k": 1}'}); {@code label} names it in messages.
     *
     * @throws io.swarmplay.source.LoadException when the text is not a YAML mapping
     */
    public static Map<String, Object> parse(String text, String label) {
        Diagnostics diagnostics = new Diagnostics();
        YamlNode root = new YamlReader(diagnostics).read(io.swarmplay.source.SourceFile.of(Path.of(label), text))
                .orElse(null);
        Map<String, Object> vars = root == null ? new LinkedHashMap<>()
                : Nodes.mapping(root, "the variables in " + label, diagnostics)
                .map(YamlNode.Mapping::value).orElseGet(LinkedHashMap::new);
        diagnostics.throwIfErrors();
        return vars;
    }
}
