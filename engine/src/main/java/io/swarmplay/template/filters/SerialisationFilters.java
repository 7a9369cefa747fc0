package io.swarmplay.template.filters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.hubspot.jinjava.lib.filter.Filter;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** to_json / to_nice_json / from_json and to_yaml / to_nice_yaml / from_yaml, laid out as Ansible does. */
public final class SerialisationFilters {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private SerialisationFilters() {
    }

    public static List<Filter> all() {
        return List.of(
                AnsibleFilter.of("to_json", (v, a) -> json(v, a.integer(-1, "indent", 0), a.bool(-1, "sort_keys", false))),
                AnsibleFilter.of("to_nice_json", (v, a) -> json(v, a.integer(-1, "indent", 4), a.bool(-1, "sort_keys", true))),
                AnsibleFilter.of("from_json", (v, a) -> fromJson(Values.str(v))),
                AnsibleFilter.of("to_yaml", (v, a) -> yaml(v, FlowStyle.AUTO, a.integer(-1, "indent", 2))),
                AnsibleFilter.of("to_nice_yaml", (v, a) -> yaml(v, FlowStyle.BLOCK, a.integer(-1, "indent", 2))),
                AnsibleFilter.of("from_yaml", (v, a) -> fromYaml(Values.str(v))),
                AnsibleFilter.of("from_yaml_all", (v, a) -> fromYamlAll(Values.str(v))));
    }

    /** JSON as Python's json.dumps writes it; keys sorted (recursively) when asked, as to_nice_json does. */
    static String json(Object v, int indent, boolean sortKeys) {
        Object plain = Values.toPlain(v);
        try {
            return JSON.writer(new PythonJsonPrinter(indent)).writeValueAsString(sortKeys ? sorted(plain) : plain);
        } catch (JsonProcessingException e) {
            throw new FilterException("to_json cannot write a value of this type");
        }
    }

    static Object fromJson(String text) {
        try {
            return Values.toPlain(JSON.readValue(text, Object.class));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new FilterException("from_json got text that is not valid JSON" + where);
        }
    }

    /** YAML as PyYAML dumps it for Ansible: keys sorted, block style, or flow style for leaf collections. */
    static String yaml(Object v, FlowStyle style, int indent) {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(style).setIndent(Math.max(2, indent)).build();
        return new Dump(settings).dumpToString(sorted(Values.toPlain(v)));
    }

    static Object fromYaml(String text) {
        try {
            return Values.toPlain(new Load(LoadSettings.builder().build()).loadFromString(text));
        } catch (YamlEngineException e) {
            throw new FilterException("from_yaml got text that is not valid YAML" + where(e));
        }
    }

    static Object fromYamlAll(String text) {
        try {
            List<Object> docs = new ArrayList<>();
            new Load(LoadSettings.builder().build()).loadAllFromString(text).forEach(d -> docs.add(Values.toPlain(d)));
            return docs;
        } catch (YamlEngineException e) {
            throw new FilterException("from_yaml_all got text that is not valid YAML" + where(e));
        }
    }

    // the engine's messages quote the offending text, which may be a secret: keep only the line
    private static String where(YamlEngineException e) {
        if (e instanceof MarkedYamlEngineException m && m.getProblemMark().isPresent()) {
            return " (line " + (m.getProblemMark().get().getLine() + 1) + ")";
        }
        return "";
    }

    private static Object sorted(Object plain) {
        if (plain instanceof Map<?, ?> m) {
            Map<String, Object> byKey = new TreeMap<>();
            m.forEach((k, val) -> byKey.put(String.valueOf(k), sorted(val)));
            return new LinkedHashMap<>(byKey);
        }
        if (plain instanceof List<?> l) return l.stream().map(SerialisationFilters::sorted).toList();
        return plain;
    }
}
