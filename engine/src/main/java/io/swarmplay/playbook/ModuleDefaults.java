package io.swarmplay.playbook;

import io.swarmplay.module.Module;
import io.swarmplay.source.Nodes;
import io.swarmplay.source.YamlNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code module_defaults} in force where a task is read (play, then blocks and imports, then
 * the task), as Ansible 2.14 merges them: each entry is keyed by a module (short name, FQCN or
 * {@code ansible.legacy.} name: one key) or an action group ({@code group/...}); an inner level's
 * entry replaces the outer one of the same key whole ({@code file: {}} clears it). A task gets its
 * groups' defaults, over them its module's, and over those its own arguments. Includes carry
 * the defaults in force where they are written to the tasks they load at run time.
 */
public final class ModuleDefaults {

    public static final ModuleDefaults NONE = new ModuleDefaults(Map.of());

    /** The action groups swarmplay knows: name → the FQCN prefix of their modules. */
    private static final Map<String, String> GROUPS = Map.of("community.docker.docker", "community.docker.docker_");

    /** Key ({@code info().name()} of a module, or {@code group/<fqcn>}) → its defaults as written. */
    private final Map<String, YamlNode.Mapping> byKey;

    private ModuleDefaults(Map<String, YamlNode.Mapping> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    /** These defaults with {@code node} (a {@code module_defaults} value, or null) over them. */
    ModuleDefaults plus(YamlNode node, LoadSession session) {
        if (node == null || Templates.isOmit(node)) return this;
        Map<String, YamlNode.Mapping> merged = new LinkedHashMap<>(byKey);
        Nodes.mapping(node, "'module_defaults'", session.diagnostics).ifPresent(m -> {
            for (YamlNode.Entry e : m.entries()) {
                String key = key(e, session);
                YamlNode.Mapping args = e.value() instanceof YamlNode.Scalar s && s.value() == null
                        ? new YamlNode.Mapping(List.of(), e.value().at())
                        : Nodes.mapping(e.value(), "the defaults of '" + e.name() + "'", session.diagnostics).orElse(null);
                if (key != null && args != null) merged.put(key, args);
            }
        });
        return new ModuleDefaults(merged);
    }

    /** The defaults for a task calling {@code module}: its groups' first, then its own. */
    List<YamlNode.Mapping> forModule(Module<?> module) {
        List<YamlNode.Mapping> out = new ArrayList<>();
        if (module == null) return out;
        List<String> names = Arrays.asList(module.info().aliases());
        GROUPS.forEach((group, prefix) -> {
            if (names.stream().anyMatch(n -> n.startsWith(prefix)) && byKey.containsKey("group/" + group)) {
                out.add(byKey.get("group/" + group));
            }
        });
        Optional.ofNullable(byKey.get(module.info().name())).ifPresent(out::add);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModuleDefaults other && byKey.equals(other.byKey);
    }

    @Override
    public int hashCode() {
        return byKey.hashCode();
    }

    private static String key(YamlNode.Entry e, LoadSession session) {
        String written = e.name();
        if (written.startsWith("group/")) {
            String group = written.substring("group/".length());
            String fqcn = GROUPS.containsKey(group) ? group
                    : GROUPS.keySet().stream().filter(g -> g.endsWith("." + group)).findFirst().orElse(null);
            if (fqcn != null) return "group/" + fqcn;
            session.error("could not resolve the module_defaults group '" + group + "'", e.key().at(), written.length(),
                    "swarmplay knows the groups: " + String.join(", ", GROUPS.keySet().stream().map(g -> "group/" + g).toList()));
            return null;
        }
        String name = written.startsWith("ansible.legacy.") ? "ansible.builtin." + written.substring("ansible.legacy.".length()) : written;
        Optional<Module<?>> module = session.modules.find(name);
        if (module.isEmpty()) {
            session.error("could not resolve module '" + written + "' in module_defaults", e.key().at(), written.length(),
                    TaskOptionsReader.hintOr(session.modules.suggest(written), "key the defaults by a module name or group/<name>"));
            return null;
        }
        return module.get().info().name();
    }
}
