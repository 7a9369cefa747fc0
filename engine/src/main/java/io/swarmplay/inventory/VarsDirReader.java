package io.swarmplay.inventory;

import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.Nodes;
import io.swarmplay.source.YamlNode;
import io.swarmplay.source.YamlReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads {@code host_vars/} and {@code group_vars/} of one directory for the hosts and groups the
 * inventory knows (and the implicit localhost): {@code <name>.yml}, {@code <name>.yaml},
 * {@code <name>.json}, {@code <name>} and every YAML file (by name) in a {@code <name>/} directory.
 */
final class VarsDirReader {

    private final InventoryBuilder builder;
    private final Diagnostics diagnostics;

    private final io.swarmplay.source.Vault vault;

    VarsDirReader(InventoryBuilder builder, Diagnostics diagnostics, io.swarmplay.source.Vault vault) {
        this.builder = builder;
        this.diagnostics = diagnostics;
        this.vault = vault;
    }

    void read(Path dir) {
        Path hostVars = dir.resolve("host_vars");
        for (String host : names(hostVars)) {
            if (builder.hasHost(host) || host.equals(Inventory.LOCALHOST)) builder.hostFileVars(host, varsOf(hostVars, host));
        }
        Path groupVars = dir.resolve("group_vars");
        for (String group : names(groupVars)) {
            if (builder.hasGroup(group)) builder.groupFileVars(group, varsOf(groupVars, group));
        }
    }

    /** The {@code group_vars/} files of {@code group} (one made at run time) in {@code dir}. */
    void readGroup(Path dir, String group) {
        Path groupVars = dir.resolve("group_vars");
        if (names(groupVars).contains(group)) builder.groupFileVars(group, varsOf(groupVars, group));
    }

    /** The {@code host_vars/} files of {@code host} (one added at run time) in {@code dir}. */
    void readHost(Path dir, String host) {
        Path hostVars = dir.resolve("host_vars");
        if (names(hostVars).contains(host)) builder.hostFileVars(host, varsOf(hostVars, host));
    }

    /** Host or group names that have a file or directory in {@code dir}. */
    private static List<String> names(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> stripYamlExtension(p.getFileName().toString())).distinct().sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String stripYamlExtension(String name) {
        for (String ext : List.of(".yml", ".yaml", ".json")) {
            if (name.endsWith(ext)) return name.substring(0, name.length() - ext.length());
        }
        return name;
    }

    private Map<String, Object> varsOf(Path dir, String name) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (Path file : filesFor(dir, name)) builder.hashBehaviour().putAll(vars, readVars(file));
        return vars;
    }

    private static List<Path> filesFor(Path dir, String name) {
        List<Path> files = new ArrayList<>();
        for (String candidate : List.of(name, name + ".yml", name + ".yaml", name + ".json")) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) files.add(p);
        }
        Path sub = dir.resolve(name);
        if (Files.isDirectory(sub)) {
            try (Stream<Path> inner = Files.list(sub)) {
                inner.filter(Files::isRegularFile).filter(InventoryLoader::isYaml).sorted().forEach(files::add);
            } catch (IOException e) {
                // an unreadable directory holds no variables we could use
            }
        }
        return files;
    }

    private Map<String, Object> readVars(Path file) {
        YamlNode root = new YamlReader(diagnostics, vault).read(file).orElse(null);
        if (root == null) return Map.of();
        YamlNode.Mapping vars = Nodes.mapping(root, "the variables in '" + file + "'", diagnostics).orElse(null);
        if (vars == null) return Map.of();
        ConnectionVars.check(vars, diagnostics);
        return vars.value();
    }
}
