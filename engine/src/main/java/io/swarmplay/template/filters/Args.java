package io.swarmplay.template.filters;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;

import java.util.Map;

/** A filter's or test's arguments: positional ones, and named ones that may stand in for them. */
public final class Args {

    private final Object[] positional;
    private final Map<String, Object> named;
    private final JinjavaInterpreter interpreter;

    public Args(Object[] positional, Map<String, Object> named, JinjavaInterpreter interpreter) {
        this.positional = positional == null ? new Object[0] : positional;
        this.named = named == null ? Map.of() : named;
        this.interpreter = interpreter;
    }

    /** The argument given by name, else at position {@code index}, else null. */
    public Object get(int index, String name) {
        if (name != null && named.containsKey(name)) return named.get(name);
        return index >= 0 && index < positional.length ? positional[index] : null;
    }

    public Object get(int index, String name, Object fallback) {
        return has(index, name) ? get(index, name) : fallback;
    }

    public boolean has(int index, String name) {
        return (name != null && named.containsKey(name)) || (index >= 0 && index < positional.length);
    }

    public String string(int index, String name, String fallback) {
        return has(index, name) ? Values.str(get(index, name)) : fallback;
    }

    public boolean bool(int index, String name, boolean fallback) {
        return has(index, name) ? Values.truthy(get(index, name)) : fallback;
    }

    public int integer(int index, String name, int fallback) {
        Object v = get(index, name);
        return v instanceof Number n ? n.intValue() : fallback;
    }

    public int count() {
        return positional.length;
    }

    public Object[] positional() {
        return positional.clone();
    }

    public Map<String, Object> named() {
        return named;
    }

    public JinjavaInterpreter interpreter() {
        return interpreter;
    }

    public RenderScope scope() {
        return RenderScope.of(interpreter);
    }
}
