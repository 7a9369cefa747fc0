package io.swarmplay.template;

import java.util.AbstractList;
import java.util.List;

/** A read-only view of a variable's list whose items are resolved when read, as {@link LazyMap}. */
final class LazyList extends AbstractList<Object> {

    private final String path;
    private final List<?> raw;
    private final RenderState state;
    /** Host data ({@link Unsafe}): items are never rendered. */
    private final boolean data;

    LazyList(String path, List<?> raw, RenderState state, boolean data) {
        this.path = path;
        this.raw = raw;
        this.state = state;
        this.data = data;
    }

    String path() {
        return path;
    }

    @Override
    public Object get(int index) {
        Object value = raw.get(index);
        if (value == null) return null;
        return data ? state.resolveData(path + "[" + index + "]", value) : state.resolve(path + "[" + index + "]", value);
    }

    @Override
    public int size() {
        return raw.size();
    }
}
