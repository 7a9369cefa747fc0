package io.swarmplay.template;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import io.swarmplay.source.Suggest;
import io.swarmplay.template.TemplatePlugins.Kind;
import io.swarmplay.template.TemplatePlugins.PluginException;
import io.swarmplay.template.filters.AnsibleFilter;
import io.swarmplay.template.filters.AnsibleTest;
import io.swarmplay.template.filters.Args;
import io.swarmplay.template.filters.FilterException;
import io.swarmplay.template.filters.Values;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * One templar's {@link TemplatePlugins} as Jinjava filters and tests: names are checked before a
 * template runs (loading the plugins on the first template that uses a filter or test), and the
 * adaptors are registered into each render's own context, where they shadow the built-in
 * filters and tests of the same name. Load problems go to the warnings once.
 */
final class PluginFilters {

    static final PluginFilters NONE = new PluginFilters(TemplatePlugins.NONE, message -> { });

    private final TemplatePlugins plugins;
    private final Consumer<String> warnings;
    private volatile List<Filter> filters;
    private volatile List<ExpTest> tests;
    /** The plugins' names by kind, once loaded (asked for every filter of every template). */
    private volatile java.util.Map<Kind, Set<String>> names;

    PluginFilters(TemplatePlugins plugins, Consumer<String> warnings) {
        this.plugins = plugins;
        this.warnings = warnings;
    }

    /** Whether a plugin provides {@code name}. */
    boolean provides(Kind kind, String name) {
        if (plugins.isEmpty()) return false;
        load();
        return names.get(kind).contains(name);
    }

    /** The hint for a name neither swarmplay nor a plugin provides: a close name, or why plugins were skipped. */
    String unknownHint(Kind kind, String name, Set<String> builtin) {
        Set<String> all = new TreeSet<>(builtin);
        if (!plugins.isEmpty()) all.addAll(plugins.names(kind));
        List<String> problems = plugins.skipped();
        // a skipped plugin file is the likelier reason than a typo
        if (problems.isEmpty()) return Suggest.hint(name, all);
        return "some plugin files could not be loaded: " + String.join("; ", problems);
    }

    /** Registers the plugins' filters and tests into {@code context} (once they are loaded). */
    void register(Context context) {
        if (filters == null) return;
        filters.forEach(context::registerFilter);
        tests.forEach(context::registerExpTest);
    }

    private synchronized void load() {
        if (filters != null) return;
        List<ExpTest> t = new ArrayList<>();
        for (String name : plugins.names(Kind.TEST)) t.add(AnsibleTest.of(name, (v, a) -> Values.truthy(call(Kind.TEST, name, v, a))));
        List<Filter> f = new ArrayList<>();
        for (String name : plugins.names(Kind.FILTER)) f.add(AnsibleFilter.of(name, (v, a) -> call(Kind.FILTER, name, v, a)));
        plugins.problems().forEach(warnings);
        names = java.util.Map.of(Kind.FILTER, Set.copyOf(plugins.names(Kind.FILTER)), Kind.TEST, Set.copyOf(plugins.names(Kind.TEST)));
        tests = List.copyOf(t);
        filters = List.copyOf(f);
    }

    private Object call(Kind kind, String name, Object value, Args args) {
        String what = kind.word + " '" + name + "'";
        try {
            Object input = PluginValues.toJson(value, what);
            List<Object> positional = new ArrayList<>();
            for (Object a : Arrays.asList(args.positional())) positional.add(PluginValues.toJson(a, what));
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> named = (java.util.Map<String, Object>) PluginValues.toJson(args.named(), what);
            return plugins.call(kind, name, input, positional, named);
        } catch (PluginValues.UnknownInside e) {
            return e.unknown; // the render's result is unknown anyway: it touched this value
        } catch (PluginException e) {
            throw new FilterException(e.getMessage(), e.hint());
        }
    }
}
