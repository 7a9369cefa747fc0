package io.swarmplay.run;

import io.swarmplay.source.SourcePosition;
import io.swarmplay.template.Templar;
import io.swarmplay.template.Unsafe;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Another host's variables as {@code hostvars[host]} shows them: a templated value is rendered in
 * that host's own variables when it is read ({@code hostvars['host-1'].workdir} is host-1's
 * workdir, not the reading host's), once per read.
 */
final class RenderedVars extends AbstractMap<String, Object> {

    private final Map<String, Object> vars;
    private final Supplier<Templar> templar;

    RenderedVars(Map<String, Object> vars, Supplier<Templar> templar) {
        this.vars = vars;
        this.templar = templar;
    }

    @Override
    public Object get(Object key) {
        return render(vars.get(key));
    }

    @Override
    public boolean containsKey(Object key) {
        return vars.containsKey(key);
    }

    // what was computed from host data stays host data (Unsafe): the reader must not render it again
    private Object render(Object value) {
        return templated(value) ? templar.get().renderData(value, vars, SourcePosition.UNKNOWN) : value;
    }

    // hostvars inside hostvars is left alone: walking it would render every host's variables forever;
    // host data (Unsafe) is never a template
    private static boolean templated(Object value) {
        if (value instanceof Unsafe) return false;
        if (value instanceof String s) return s.contains("{{") || s.contains("{%");
        if (value instanceof io.swarmplay.vars.HostVars || value instanceof RenderedVars) return false;
        if (value instanceof Map<?, ?> map) return map.values().stream().anyMatch(RenderedVars::templated);
        if (value instanceof List<?> list) return list.stream().anyMatch(RenderedVars::templated);
        return false;
    }

    /** The names without rendering anything (messages about a missing key list them). */
    @Override
    public Set<String> keySet() {
        return java.util.Collections.unmodifiableSet(vars.keySet());
    }

    @Override
    public int size() {
        return vars.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> rendered = new LinkedHashMap<>();
        vars.forEach((k, v) -> rendered.put(k, render(v)));
        return rendered.entrySet();
    }
}
