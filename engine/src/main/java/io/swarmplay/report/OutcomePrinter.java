package io.swarmplay.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A result's data as readable lines: command output line by line under {@code stdout:} /
 * {@code stderr:}, other values compactly; never one JSON blob with {@code \n} escapes.
 */
final class OutcomePrinter {

    private static final Set<String> SKIP = Set.of("stdout_lines", "stderr_lines", "changed", "failed", "skipped",
            "start", "end", "invocation", "ansible_facts");

    private final Style style;
    private final int verbosity;

    OutcomePrinter(Style style, int verbosity) {
        this.style = style;
        this.verbosity = verbosity;
    }

    List<String> lines(Map<String, Object> data) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Object> e : data.entrySet()) {
            if (SKIP.contains(e.getKey()) && verbosity < 3) continue;
            if (e.getValue() instanceof String s && (s.isEmpty())) continue;
            if (e.getValue() instanceof String s && s.contains("\n")) block(lines, e.getKey(), s);
            else if (e.getKey().equals("results") && e.getValue() instanceof List<?> results) lines.add("  results: " + results.size() + " items");
            else lines.add("  " + style.dim(e.getKey() + ":") + " " + inline(e.getValue()));
        }
        return lines;
    }

    private void block(List<String> lines, String key, String text) {
        lines.add("  " + style.dim(key + ":"));
        for (String line : text.stripTrailing().split("\n")) lines.add("    " + line);
    }

    private static String inline(Object value) {
        return value instanceof String s ? s : Json.compact(value);
    }
}
