package io.swarmplay.vars;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ansible.cfg's {@code hash_behaviour} ({@code ANSIBLE_HASH_BEHAVIOUR}): how two sources of variables
 * are combined wherever Ansible calls {@code combine_vars} (inventory sources, {@code group_vars}/{@code host_vars}
 * files, the precedence layers). {@code replace} (the default): a later value replaces an earlier one
 * whole. {@code merge}: mappings are merged recursively, Ansible's {@code merge_hash} with
 * {@code list_merge='replace'} (lists and scalars of the later source win).
 */
public enum HashBehaviour {
    REPLACE, MERGE;

    /** The setting's value as written; anything but {@code merge} is Ansible's default {@code replace}. */
    public static HashBehaviour of(String value) {
        return "merge".equals(value) ? MERGE : REPLACE;
    }

    /** {@code later}'s variables put into {@code into}, replacing or merging as this behaviour says. */
    public void putAll(Map<String, Object> into, Map<String, ?> later) {
        if (this == REPLACE) {
            into.putAll(later);
            return;
        }
        later.forEach((key, value) -> into.put(key, mergeValue(into.get(key), value)));
    }

    /** {@code earlier} and {@code later} combined into a new map (Ansible's {@code combine_vars(a, b)}). */
    public Map<String, Object> combine(Map<String, ?> earlier, Map<String, ?> later) {
        Map<String, Object> out = new LinkedHashMap<>(earlier);
        putAll(out, later);
        return out;
    }

    /** Ansible's {@code merge_hash(x, y)}, recursive, lists replaced: {@code y}'s keys win. */
    public static Map<Object, Object> mergeHash(Map<?, ?> x, Map<?, ?> y) {
        Map<Object, Object> out = new LinkedHashMap<>(x);
        y.forEach((key, value) -> out.put(key, mergeValue(out.get(key), value)));
        return out;
    }

    private static Object mergeValue(Object earlier, Object later) {
        return earlier instanceof Map<?, ?> x && later instanceof Map<?, ?> y ? mergeHash(x, y) : later;
    }
}
