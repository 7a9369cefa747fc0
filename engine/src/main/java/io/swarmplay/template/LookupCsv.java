package io.swarmplay.template;

import io.swarmplay.template.LookupPlugins.Context;
import io.swarmplay.template.LookupPlugins.LookupError;
import io.swarmplay.template.filters.Values;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code csvfile} lookup: for each search key, the column {@code col} of the first row whose
 * first field is the key, in {@code file} (under {@code files/} of the search path), as Ansible
 * 2.14's plugin reads it with Python's {@code csv} module (quoted fields, doubled quotes).
 * Options come as named arguments or, the old way, as {@code name=value} words of the term.
 */
final class LookupCsv {

    private static final Map<String, Object> DEFAULTS = defaults();

    private LookupCsv() {
    }

    private static Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("file", "ansible.csv");
        d.put("col", "1");
        d.put("delimiter", "TAB");
        d.put("default", null);
        d.put("encoding", "utf-8");
        return d;
    }

    static List<Object> csvfile(List<Object> terms, Map<String, Object> options, Context context) {
        Map<String, Object> base = new LinkedHashMap<>(DEFAULTS);
        for (Map.Entry<String, Object> option : options.entrySet()) {
            if (option.getKey().equals("wantlist") || option.getKey().equals("errors")) continue;
            if (!base.containsKey(option.getKey())) throw new LookupError(option.getKey() + " is not a valid option", null);
            base.put(option.getKey(), option.getValue());
        }
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            LookupKeyValues kv = LookupKeyValues.parse(Values.str(term));
            if (kv.rawParams() == null) throw new LookupError("Search key is required but was not found", null);
            Map<String, Object> params = new LinkedHashMap<>(base);
            kv.options().forEach((name, value) -> {
                if (!params.containsKey(name)) throw new LookupError(name + " is not a valid option", null);
                params.put(name, value);
            });
            Object found = find(kv.rawParams(), params, context);
            if (found instanceof List<?> list) out.addAll(list);
            else if (found != null) out.add(found);
        }
        return out;
    }

    private static Object find(String key, Map<String, Object> params, Context context) {
        String delimiter = Values.str(params.get("delimiter"));
        if (delimiter.equals("TAB")) delimiter = "\t";
        if (delimiter.length() != 1) throw new LookupError("csvfile: \"delimiter\" must be a 1-character string", null);
        Path file = context.find("files", Values.str(params.get("file")));
        if (file == null) throw new LookupError("csvfile: [Errno 2] No such file or directory: '" + params.get("file") + "'", null);
        for (List<String> row : rows(context.read(file), delimiter.charAt(0))) {
            if (!row.isEmpty() && row.get(0).equals(key)) {
                int col = column(params.get("col"));
                if (col >= row.size()) throw new LookupError("csvfile: list index out of range", null);
                return row.get(col);
            }
        }
        return params.get("default");
    }

    private static int column(Object col) {
        try {
            return Integer.parseInt(Values.str(col).strip());
        } catch (NumberFormatException e) {
            throw new LookupError("csvfile: invalid literal for int() with base 10: '" + col + "'", null);
        }
    }

    /** The rows of {@code text} as Python's {@code csv.reader} (excel dialect, the given delimiter) gives them. */
    static List<List<String>> rows(String text, char delimiter) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        boolean rowHasData = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
                rowHasData = true;
            } else if (c == delimiter) {
                row.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                rowHasData = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                if (rowHasData || !field.isEmpty()) row.add(field.toString());
                rows.add(row);
                row = new ArrayList<>();
                field.setLength(0);
                fieldStart = true;
                rowHasData = false;
            } else {
                field.append(c);
                fieldStart = false;
                rowHasData = true;
            }
        }
        if (rowHasData || !field.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
