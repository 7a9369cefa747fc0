package io.swarmplay.inventory;

import io.swarmplay.source.Diagnostic;
import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.Nodes;
import io.swarmplay.source.Suggest;
import io.swarmplay.source.YamlNode;
import io.swarmplay.source.YamlReader;

import io.swarmplay.source.SourceFile;
import io.swarmplay.source.SourcePosition;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Map;

/** Reads one inventory file, YAML or INI ({@link IniInventoryReader}), into an {@link InventoryBuilder}. */
final class InventoryFileReader {

    static final String HOSTS_HINT = "hosts is a mapping: write `hosts: {host-1: {}}` or one host per line with a colon";
    private static final Pattern INI_SECTION = Pattern.compile("\\[[^\\]]+\\]\\s*(#.*)?");
    private static final Pattern YAML_KEY = Pattern.compile("[^\\s=]+:(\\s.*)?|\"[^\"]*\":.*|'[^']*':.*");
    private static final List<String> GROUP_KEYS = List.of("hosts", "children", "vars");

    private final InventoryBuilder builder;
    private final Diagnostics diagnostics;

    private final io.swarmplay.source.Vault vault;

    InventoryFileReader(InventoryBuilder builder, Diagnostics diagnostics, io.swarmplay.source.Vault vault) {
        this.builder = builder;
        this.diagnostics = diagnostics;
        this.vault = vault;
    }

    void read(Path file) {
        SourceFile source;
        try {
            source = SourceFile.read(file);
        } catch (SourceFile.Unreadable e) {
            if (e.lossy() != null) diagnostics.addSource(e.lossy());
            diagnostics.add(Diagnostic.error("cannot read inventory: " + e.getMessage(), e.at()));
            return;
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error("cannot read inventory '" + file + "': " + e.getMessage(), SourcePosition.UNKNOWN));
            return;
        }
        if (io.swarmplay.source.Vault.isEncrypted(source.text())) {
            source = new YamlReader(diagnostics, vault).decrypt(source).orElse(null);
            if (source == null) return;
        }
        if (isIni(file, source)) {
            new IniInventoryReader(builder, diagnostics, source).read();
            return;
        }
        YamlNode root = new YamlReader(diagnostics, vault).read(source).orElse(null);
        if (root == null || (root instanceof YamlNode.Scalar s && s.value() == null)) return;
        if (!(root instanceof YamlNode.Mapping groups)) {
            diagnostics.add(Diagnostic.error("an inventory file must be a mapping of groups, found " + root.kind(), root.at())
                    .withHint("write `all: {hosts: {host-1: {}}}`"));
            return;
        }
        for (YamlNode.Entry group : groups.entries()) readGroup(group.name(), group.value());
    }

    /**
     * Which of Ansible's two file formats {@code file} is in. Ansible tries YAML for {@code .yml},
     * {@code .yaml}, {@code .json} and extension-less files and INI for the rest; here the first
     * meaningful line decides for an extension-less file (a YAML inventory opens with a group name
     * and a colon, {@code ---} or a brace), and a YAML-named file holding an INI section is INI too.
     */
    static boolean isIni(Path file, SourceFile source) {
        String first = firstMeaningfulLine(source);
        if (first == null) return false;
        if (INI_SECTION.matcher(first).matches()) return true;
        String name = file.getFileName().toString();
        if (InventoryLoader.isYaml(file)) return false;
        if (name.contains(".")) return true;
        return !(first.startsWith("---") || first.startsWith("{") || YAML_KEY.matcher(first).matches());
    }

    private static String firstMeaningfulLine(SourceFile source) {
        for (String line : source.lines()) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#") && !s.startsWith(";")) return s;
        }
        return null;
    }

    private void readGroup(String name, YamlNode node) {
        builder.group(name);
        YamlNode.Mapping body = Nodes.mapping(node, "group '" + name + "'", diagnostics).orElse(null);
        if (body == null) return;
        for (YamlNode.Entry e : body.entries()) {
            switch (e.name()) {
                case "hosts" -> readHosts(name, e.value());
                case "children" -> readChildren(name, e.value());
                case "vars" -> Nodes.mapping(e.value(), "'vars' of group '" + name + "'", diagnostics).ifPresent(vars -> {
                    ConnectionVars.check(vars, diagnostics);
                    builder.groupVars(name, vars.value());
                });
                default -> unknownKey(name, e);
            }
        }
    }

    private void unknownKey(String group, YamlNode.Entry e) {
        String hint = Suggest.hint(e.name(), GROUP_KEYS);
        diagnostics.add(Diagnostic.error("unknown key '" + e.name() + "' in group '" + group + "'", e.key().at())
                .withWidth(e.name().length())
                .withHint(hint != null ? hint : "a group has only hosts, children and vars"));
    }

    private void readHosts(String group, YamlNode node) {
        if (node instanceof YamlNode.Sequence) {
            diagnostics.add(Diagnostic.error("expected a mapping for 'hosts' of group '" + group + "', found a list",
                    node.at()).withHint(HOSTS_HINT));
            return;
        }
        if (node instanceof YamlNode.Scalar s && s.value() != null) {
            diagnostics.add(Diagnostic.error("expected a mapping for 'hosts' of group '" + group + "', found "
                    + Nodes.describe(s), s.at()).withWidth(s.width()).withHint(HOSTS_HINT));
            return;
        }
        Nodes.mapping(node, "'hosts'", diagnostics).ifPresent(hosts -> {
            for (YamlNode.Entry h : hosts.entries()) readHost(group, h);
        });
    }

    private void readHost(String group, YamlNode.Entry h) {
        YamlNode.Mapping mapping = Nodes.mapping(h.value(), "the variables of host '" + h.name() + "'", diagnostics).orElse(null);
        if (mapping != null) ConnectionVars.check(mapping, diagnostics);
        Map<String, Object> vars = mapping == null ? Map.of() : mapping.value();
        List<String> names;
        try {
            names = HostRange.expand(h.name());
        } catch (IllegalArgumentException e) {
            diagnostics.add(Diagnostic.error(e.getMessage(), h.key().at()).withWidth(h.name().length()));
            return;
        }
        for (String name : names) builder.host(group, name, vars, h.key().at());
    }

    private void readChildren(String group, YamlNode node) {
        Nodes.mapping(node, "'children' of group '" + group + "'", diagnostics).ifPresent(children -> {
            for (YamlNode.Entry child : children.entries()) {
                builder.child(group, child.name(), child.key().at());
                readGroup(child.name(), child.value());
            }
        });
    }
}
