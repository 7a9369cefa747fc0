package io.swarmplay.template.filters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.hubspot.jinjava.lib.filter.Filter;
import io.swarmplay.source.Diagnostic;
import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.SourceFile;
import io.swarmplay.source.YamlNode;
import io.swarmplay.source.YamlReader;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
                // Ansible parses text only: any other value is returned as it is
                AnsibleFilter.of("from_yaml", (v, a) -> Values.unwrap(v) instanceof CharSequence ? fromYaml(Values.str(v)) : v),
                AnsibleFilter.of("from_yaml_all", (v, a) -> Values.unwrap(v) instanceof CharSequence ? fromYamlAll(Values.str(v)) : v));
    }

    /** JSON as Python's json.dumps writes it; keys sorted (recursively) when asked, as to_nice_json does. */
    /** {@code v} as Python's {@code json.dumps} writes it ({@code indent} < 0: one line, ", " and ": "). */
    public static String json(Object v, int indent, boolean sortKeys) {
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

    // read with the loader's reader, so a hostile string (an alias bomb, deep nesting) is refused as a file would be
    static Object fromYaml(String text) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<YamlNode> doc = new YamlReader(diagnostics).read(SourceFile.of(Path.of("from_yaml"), text));
        if (diagnostics.hasErrors() || doc.isEmpty()) throw refused("from_yaml", diagnostics);
        return doc.get().value();
    }

    static Object fromYamlAll(String text) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<List<YamlNode>> docs = new YamlReader(diagnostics).readAll(SourceFile.of(Path.of("from_yaml_all"), text));
        if (diagnostics.hasErrors() || docs.isEmpty()) throw refused("from_yaml_all", diagnostics);
        List<Object> values = new ArrayList<>();
        for (YamlNode doc : docs.get()) values.add(doc.value());
        return values;
    }

    // syntax errors may quote the offending text, which may be a secret: keep only the line for them
    private static FilterException refused(String filter, Diagnostics diagnostics) {
        Diagnostic first = diagnostics.errors().isEmpty() ? null : diagnostics.errors().get(0);
        String line = first == null || !first.position().isKnown() ? "" : " (line " + first.position().line() + ")";
        if (first == null || first.summary().startsWith("yaml syntax error")) {
            return new FilterException(filter + " got text that is not valid YAML" + line);
        }
        return new FilterException(filter + " got YAML it cannot take: " + first.summary() + line);
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
