package io.swarmplay.template;

import java.util.AbstractList;
import java.util.List;

/** A read-only view of a variable's list whose items are resolved when read, as {@link LazyMap}. */
final class LazyList extends AbstractList<Object> {

    private final String path;
    private final List<?> raw;
    private final RenderState state;

    LazyList(String path, List<?> raw, RenderState state) {
        this.path = path;
        this.raw = raw;
        this.state = state;
    }

    String path() {
        return path;
    }

    @Override
    public Object get(int index) {
        Object value = raw.get(index);
        return value == null ? null : state.resolve(path + "[" + index + "]", value);
    }

    @Override
    public int size() {
        return raw.size();
    }
}
