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
    /** Python modules and action plugins found while loading (an include may find one during the run). */
    private final Map<String, Module<?>> plugins = new java.util.concurrent.ConcurrentHashMap<>();
    private PluginModules pluginSource;

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
        Module<?> builtin = byName.get(name);
        return Optional.ofNullable(builtin != null ? builtin : plugins.get(name));
    }

    /** Lets {@link #plugin} find the user's Python modules and action plugins in {@code source}. */
    public ModuleRegistry withPlugins(PluginModules source) {
        this.pluginSource = source;
        return this;
    }

    /**
     * The Python module or action plugin {@code name} for a task written in {@code sourceFile}; once
     * found, {@link #find} knows it by that name for the rest of the run (the first found wins).
     */
    public Optional<Module<?>> plugin(String name, java.nio.file.Path sourceFile) {
        Module<?> known = plugins.get(name);
        if (known != null || pluginSource == null) return Optional.ofNullable(known);
        Optional<Module<?>> found = pluginSource.find(name, sourceFile);
        return found.map(m -> plugins.computeIfAbsent(name, n -> m));
    }

    /** Whether the module of this name (as written) never changes a host; false for an unknown one. */
    public boolean readOnly(String name) {
        return find(name).map(m -> m.info().readOnly()).orElse(false);
    }

    public boolean contains(String name) {
        return byName.containsKey(name) || plugins.containsKey(name);
    }

    public Set<String> names() {
        return byName.keySet();
    }

    /** {@code did you mean 'copy'?} for a mistyped module name, or null. */
    public String suggest(String name) {
        return Suggest.hint(name, byName.keySet().stream().filter(n -> !n.contains(".")).toList());
    }
}
