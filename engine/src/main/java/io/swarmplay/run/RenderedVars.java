package io.swarmplay.run;

import io.swarmplay.source.SourcePosition;
import io.swarmplay.template.Templar;
import io.swarmplay.template.TemplateException;
import io.swarmplay.template.Unsafe;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Another host's variables as {@code hostvars[host]} shows them: a templated value is rendered in
 * that host's own variables when it is read ({@code hostvars['host-1'].workdir} is host-1's
 * workdir, not the reading host's), once per key: a value read again (ten templates of one step
 * reading {@code hostvars[h].org}) is the one rendered the first time. A render that fails is not
 * kept; it fails again on the next read. A value using an undefined variable reads as written, as in Ansible.
 */
final class RenderedVars extends AbstractMap<String, Object> {

    private final Map<String, Object> vars;
    private final Supplier<Templar> templar;
    /** The values rendered so far (a rendered value may be null: YAML's null, Jinja's none). */
    private final Map<Object, Optional<Object>> rendered = new ConcurrentHashMap<>();

    RenderedVars(Map<String, Object> vars, Supplier<Templar> templar) {
        this.vars = vars;
        this.templar = templar;
    }

    @Override
    public Object get(Object key) {
        Object value = vars.get(key);
        if (!templated(value)) return value;
        if (key == null) return render(value);
        Optional<Object> known = rendered.get(key);
        if (known == null) {
            // not computeIfAbsent: rendering one value may read another of this host (a recursive update)
            known = Optional.ofNullable(render(value));
            rendered.putIfAbsent(key, known);
        }
        return known.orElse(null);
    }

    @Override
    public boolean containsKey(Object key) {
        return vars.containsKey(key);
    }

    /**
     * What was computed from host data stays host data (Unsafe): the reader must not render it again.
     * As Ansible renders a hostvars value ({@code fail_on_undefined=False}), one whose template uses
     * an undefined variable is its text as written ({@link io.swarmplay.template.AsWritten}: not rendered
     * again by the reading template, a template again once stored); any other failure fails.
     */
    private Object render(Object value) {
        if (!templated(value)) return value;
        try {
            return templar.get().renderData(value, vars, SourcePosition.UNKNOWN);
        } catch (TemplateException e) {
            if (!e.undefined()) throw e;
            return new io.swarmplay.template.AsWritten(value);
        }
    }

    // hostvars inside hostvars is left alone: walking it would render every host's variables forever;
    // host data (Unsafe) is never a template
    private static boolean templated(Object value) {
        if (value instanceof Unsafe || value instanceof io.swarmplay.template.AsWritten) return false;
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
        Map<String, Object> all = new LinkedHashMap<>();
        for (String key : vars.keySet()) all.put(key, get(key));
        return all.entrySet();
    }
}
