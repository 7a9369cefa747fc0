package io.swarmplay.playbook;

import io.swarmplay.source.YamlNode;
import io.swarmplay.template.Lookups;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code loop}, {@code with_list}, {@code with_items} and {@code with_dict} into the one form
 * {@link TaskOptions#loop()} holds: a raw list, or a template string giving a list.
 * <ul>
 *   <li>{@code with_items} flattens one level, as Ansible does: a literal list is flattened here;
 *       when an item (or the whole value) is a {@code "{{ expr }}"} that may give a list, the loop
 *       becomes the template {@code "{{ [items...] | flatten(levels=1, skip_nulls=false) }}"}; a plain string is a
 *       one-item list.</li>
 *   <li>{@code with_<lookup>: X} (sequence, nested, together, fileglob, ...) becomes
 *       {@code "{{ query_terms('<lookup>', X) }}"}.</li>
 *   <li>{@code with_dict: X} becomes {@code "{{ query('dict', (X)) }}"} (a literal mapping becomes the
 *       list of {@code {key, value}} items here).</li>
 * </ul>
 */
final class LoopValues {

    private LoopValues() {
    }

    static Object loop(YamlNode v, String keyword, LoadSession session) {
        if (v instanceof YamlNode.Sequence) return v.value();
        if (v instanceof YamlNode.Scalar s && Templates.isTemplated(s.string())) return s.string();
        session.error("'" + keyword + "' needs a list or a template that gives one, found " + v.kind(), v.at(),
                v instanceof YamlNode.Scalar s ? s.width() : 1, "write `" + keyword + ": [a, b]` or `" + keyword
                        + ": \"{{ my_list }}\"`");
        return null;
    }

    /**
     * {@code with_list}: a literal list is the loop; anything else goes through the {@code list}
     * lookup at run time, which makes one term of a string and refuses a mapping as Ansible does.
     */
    static Object withList(YamlNode v) {
        return v instanceof YamlNode.Sequence ? v.value() : withLookup("list", v);
    }

    static Object withItems(YamlNode v, LoadSession session) {
        if (v instanceof YamlNode.Scalar s) {
            String expr = Templates.wholeExpression(s.string());
            if (expr != null) return "{{ (" + expr + ") | flatten(levels=1, skip_nulls=false) }}";
            return s.value() == null ? List.of() : List.of(s.value());
        }
        if (!(v instanceof YamlNode.Sequence seq)) return loop(v, "with_items", session);
        List<Object> items = new ArrayList<>();
        boolean dynamic = false;
        for (YamlNode item : seq.items()) {
            dynamic |= item instanceof YamlNode.Scalar s && Templates.wholeExpression(s.string()) != null;
            items.add(item.value());
        }
        return dynamic ? "{{ " + JinjaLiterals.of(items) + " | flatten(levels=1, skip_nulls=false) }}" : flattenOnce(items);
    }

    static Object withDict(YamlNode v, LoadSession session) {
        if (v instanceof YamlNode.Mapping m) return dictItems(m.value());
        if (v instanceof YamlNode.Scalar s && Templates.wholeExpression(s.string()) != null) {
            return "{{ query('dict', (" + Templates.wholeExpression(s.string()) + ")) }}";
        }
        session.error("'with_dict' needs a mapping or a template that gives one, found " + v.kind(), v.at(), 1, null);
        return null;
    }

    /**
     * {@code with_<lookup>: terms} is the lookup's list for those terms, as in Ansible: a string
     * (templated or not) is one term, a list gives the terms.
     */
    static Object withLookup(String lookup, YamlNode v) {
        String terms = Lookups.rendersOwnTerms(lookup) ? JinjaLiterals.unrendered(v.value()) : JinjaLiterals.of(v.value());
        return "{{ " + Lookups.LOOP_FUNCTION + "('" + lookup + "', " + terms + ") }}";
    }

    private static List<Object> flattenOnce(List<Object> items) {
        List<Object> flat = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof List<?> inner) flat.addAll(inner);
            else flat.add(item);
        }
        return flat;
    }

    private static List<Object> dictItems(Map<String, Object> map) {
        List<Object> items = new ArrayList<>();
        map.forEach((k, val) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("key", k);
            item.put("value", val);
            items.add(item);
        });
        return items;
    }
}
