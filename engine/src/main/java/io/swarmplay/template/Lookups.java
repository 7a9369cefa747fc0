package io.swarmplay.template;

import com.hubspot.jinjava.el.ext.NamedParameter;
import io.swarmplay.source.Suggest;
import io.swarmplay.template.filters.RenderScope;
import io.swarmplay.template.filters.Values;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Ansible's {@code lookup()}, {@code query()} / {@code q()} and the {@code with_<lookup>} loops,
 * over the plugins of {@link LookupPlugins}. Lookups run on the control node, as in Ansible.
 * <ul>
 *   <li>{@code query} always gives a list; {@code lookup} joins a list of strings with commas,
 *       gives any other one-item list as its item, unless {@code wantlist=True}.</li>
 *   <li>{@code errors='strict'} (default) fails the render; {@code 'warn'} and {@code 'ignore'}
 *       give None ({@code lookup}) or an empty list ({@code query}).</li>
 * </ul>
 */
public final class Lookups {

    /** The function {@code with_<lookup>: terms} loops call: {@code query} with the terms as one list. */
    public static final String LOOP_FUNCTION = "query_terms";

    /** The {@code with_<lookup>} loops that refuse a mapping, with Ansible's message. */
    private static final Map<String, String> LIST_ONLY = Map.of("indexed_items", "with_indexed_items expects a list",
            "list", "with_list expects a list");

    private Lookups() {
    }

    /** Whether a task's loop is a {@code with_<lookup>} one: the call of {@link #LOOP_FUNCTION} the loader made of it. */
    public static boolean isLoopLookup(Object loop) {
        return loop instanceof String s && s.startsWith("{{ " + LOOP_FUNCTION + "(");
    }

    /**
     * Whether the lookup renders the templates in its terms itself (Ansible's {@code first_found}
     * skips a candidate whose variables are undefined), so a {@code with_<name>} loop passes them as written.
     */
    public static boolean rendersOwnTerms(String name) {
        return name.equals("first_found");
    }

    /** The names of every lookup plugin. */
    public static java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(LookupPlugins.TABLE.keySet());
    }

    /** Whether {@code with_<name>} names a lookup swarmplay has. */
    public static boolean exists(String name) {
        return LookupPlugins.TABLE.containsKey(name);
    }

    /** {@code lookup('name', terms..., key=value...)}. Called by Jinjava. */
    public static Object lookup(String name, Object... args) {
        Call call = Call.of(args);
        List<Object> found = run(name, templatedTerms(call.terms(), RenderState.current()), call.options());
        if (found == null) return null;
        markUnsafe(found, call.options());
        if (Values.truthy(call.options().get("wantlist")) || found.isEmpty()) return found;
        // Ansible joins strings with commas; other values stay a list (one of them: the value itself)
        if (found.stream().allMatch(v -> v instanceof String)) {
            StringJoiner joined = new StringJoiner(",");
            found.forEach(v -> joined.add((String) v));
            return textOfTemplate(name, call.options(), joined.toString());
        }
        return found.size() == 1 ? found.get(0) : found;
    }

    // jinja2_native: a template lookup's text (its own rendering not native) stays text (Ansible's NativeJinjaText)
    private static String textOfTemplate(String name, Map<String, Object> options, String text) {
        RenderState state = RenderState.current();
        boolean template = name.equals("template") || name.equals("ansible.builtin.template");
        if (template && state != null && state.nativeTypes() && !LookupPlugins.nativeTemplate(options, state)) state.madeText(text, true);
        return text;
    }

    /** {@code query('name', terms..., key=value...)} and {@code q(...)}: always a list. Called by Jinjava. */
    public static List<Object> query(String name, Object... args) {
        Call call = Call.of(args);
        List<Object> found = run(name, templatedTerms(call.terms(), RenderState.current()), call.options());
        if (found != null) markUnsafe(found, call.options());
        return found == null ? List.of() : found;
    }

    /**
     * Ansible's {@code _lookup}: a lookup that found something makes the whole template's result
     * unsafe ({@code cur_context.unsafe}), so what it read is never templated again, unless the call
     * says {@code allow_unsafe=True}.
     */
    private static void markUnsafe(List<Object> found, Map<String, Object> options) {
        RenderState state = RenderState.current();
        if (state != null && !found.isEmpty() && !Values.truthy(options.get("allow_unsafe"))) state.taint();
    }

    /** {@code with_<name>: terms}: a string term is one term, a list is the terms. Called by Jinjava. */
    public static List<Object> queryTerms(String name, Object terms) {
        Object plain = Values.toPlain(terms);
        if (plain instanceof Map<?, ?> && LIST_ONLY.containsKey(name) && exists(name)) throw scope().fail(LIST_ONLY.get(name), null);
        List<Object> list = plain instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>(List.of(plain));
        List<Object> found = run(name, list, Map.of());
        return found == null ? List.of() : found;
    }

    /**
     * Ansible's {@code _lookup}: the terms go through {@code listify_lookup_plugin_terms}, which
     * templates them again, so {@code lookup('file', '{{ dir }}/f')} reads the rendered path.
     */
    private static List<Object> templatedTerms(List<Object> terms, RenderState state) {
        if (state == null) return terms;
        List<Object> out = new ArrayList<>(terms.size());
        for (Object term : terms) out.add(templated(term, state));
        return out;
    }

    private static Object templated(Object value, RenderState state) {
        if (value instanceof String s) return TemplateScan.hasTemplate(s) ? Values.toPlain(state.renderNested(s)) : s;
        if (value instanceof List<?> list) return list.stream().map(v -> templated(v, state)).toList();
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, templated(v, state)));
            return out;
        }
        return value;
    }

    private static List<Object> run(String name, List<Object> terms, Map<String, Object> options) {
        LookupPlugins.Plugin plugin = LookupPlugins.TABLE.get(name);
        RenderState state = RenderState.current();
        if (plugin == null) {
            java.nio.file.Path python = state == null ? null
                    : io.swarmplay.source.PythonPluginFile.find(List.of("lookup_plugins"), name, state.at().file());
            if (python != null) {
                throw scope().fail("lookup plugin '" + name + "' is an Ansible Python lookup plugin (" + python + "): swarmplay runs"
                        + " Python filter and test plugins only", "use one of swarmplay's lookups: " + String.join(", ", new java.util.TreeSet<>(LookupPlugins.TABLE.keySet())));
            }
            throw scope().fail("lookup plugin '" + name + "' not found", Suggest.hint(name, LookupPlugins.TABLE.keySet()));
        }
        String errors = Values.str(options.getOrDefault("errors", "strict"));
        try {
            return plugin.run(terms, options, new LookupPlugins.Context(state));
        } catch (LookupPlugins.LookupError e) {
            if (errors.equals("ignore") || errors.equals("warn")) return null;
            throw scope().fail(e.getMessage(), e.hint());
        }
    }

    private static RenderScope scope() {
        return RenderScope.of(com.hubspot.jinjava.interpret.JinjavaInterpreter.getCurrent());
    }

    /** The positional terms (plain values) and the named options of one call. */
    private record Call(List<Object> terms, Map<String, Object> options) {

        static Call of(Object[] args) {
            List<Object> terms = new ArrayList<>();
            Map<String, Object> options = new LinkedHashMap<>();
            for (Object arg : Spread.expand(args)) {
                if (arg instanceof NamedParameter named) options.put(named.getName(), Values.toPlain(named.getValue()));
                else terms.add(Values.toPlain(arg));
            }
            return new Call(terms, options);
        }
    }
}
