package io.swarmplay.module;

import io.swarmplay.source.Suggest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Every module on the classpath, found with ServiceLoader and indexed by YAML name, aliases and
 * {@code ansible.builtin.<name>}. Two modules claiming one name is an error at start-up.
 */
public final class ModuleRegistry {

    private final Map<String, Module<?>> byName = new LinkedHashMap<>();

    private ModuleRegistry() {
    }

    public static ModuleRegistry load() {
        ModuleRegistry registry = new ModuleRegistry();
        for (Module<?> module : ServiceLoader.load(Module.class)) registry.register(module);
        return registry;
    }

    /** A registry of exactly these modules (tests). */
    public static ModuleRegistry of(Module<?>... modules) {
        ModuleRegistry registry = new ModuleRegistry();
        for (Module<?> module : modules) registry.register(module);
        return registry;
    }

    private void register(Module<?> module) {
        ModuleInfo info = module.info();
        if (info == null) throw new IllegalStateException(module.getClass().getName() + " lacks @ModuleInfo");
        claim(info.name(), module);
        claim("ansible.builtin." + info.name(), module);
        for (String alias : info.aliases()) claim(alias, module);
    }

    private void claim(String name, Module<?> module) {
        Module<?> previous = byName.putIfAbsent(name, module);
        if (previous != null && previous != module) {
            throw new IllegalStateException("module name '" + name + "' is claimed by both "
                    + previous.getClass().getName() + " and " + module.getClass().getName());
        }
    }

    public Optional<Module<?>> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Whether the module of this name (as written) never changes a host; false for an unknown one. */
    public boolean readOnly(String name) {
        return find(name).map(m -> m.info().readOnly()).orElse(false);
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    public Set<String> names() {
        return byName.keySet();
    }

    /** {@code did you mean 'copy'?} for a mistyped module name, or null. */
    public String suggest(String name) {
        return Suggest.hint(name, byName.keySet().stream().filter(n -> !n.contains(".")).toList());
    }
}
