package io.swarmplay.template;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A read-only view of a variable's map whose values are resolved when read: templated strings
 * rendered, Unknowns recorded, nested maps and lists viewed the same way. It knows its path
 * ({@code result}, {@code hostvars['h1'].result}) so a missing key can be reported by name.
 */
final class LazyMap extends AbstractMap<String, Object> {

    private final String path;
    private final Map<?, ?> raw;
    private final RenderState state;
    /** Host data ({@link Unsafe}): values are never rendered. */
    private final boolean data;

    LazyMap(String path, Map<?, ?> raw, RenderState state, boolean data) {
        this.path = path;
        this.raw = raw;
        this.state = state;
        this.data = data;
    }

    private Object resolve(String childPath, Object value) {
        return data ? state.resolveData(childPath, value) : state.resolve(childPath, value);
    }

    String path() {
        return path;
    }

    /** The map it views. */
    Map<?, ?> raw() {
        return raw;
    }

    @Override
    public Object get(Object key) {
        Object value = raw.get(key);
        return value == null ? null : resolve(childPath(path, key), value);
    }

    @Override
    public boolean containsKey(Object key) {
        return raw.containsKey(key);
    }

    @Override
    public int size() {
        return raw.size();
    }

    /** The keys, without resolving any value ({@code 'k' in hostvars[h]} must not render the host's variables). */
    @Override
    @SuppressWarnings("unchecked")
    public Set<String> keySet() {
        return java.util.Collections.unmodifiableSet((Set<String>) raw.keySet());
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                Iterator<? extends Entry<?, ?>> it = raw.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<String, Object> next() {
                        Entry<?, ?> e = it.next();
                        Object key = e.getKey();
                        // a value read as written keeps its mark in a copy (all_vars: "{{ hostvars[h] }}"): never rendered
                        Object value = e.getValue() == null || e.getValue() instanceof AsWritten ? e.getValue()
                                : resolve(childPath(path, key), e.getValue());
                        return new SimpleImmutableEntry<>((String) (Object) key, value);
                    }
                };
            }

            @Override
            public int size() {
                return raw.size();
            }
        };
    }

    /** {@code result.stdout}, or {@code hostvars['h1']} where the user would write brackets. */
    static String childPath(String parent, Object key) {
        String k = String.valueOf(key);
        boolean identifier = !k.isEmpty() && Character.isJavaIdentifierStart(k.charAt(0))
                && k.chars().allMatch(Character::isJavaIdentifierPart);
        if (identifier && !parent.equals("hostvars") && !parent.equals("groups")) return parent + "." + k;
        return parent + "['" + k + "']";
    }
}
