package io.swarmplay.plan;

import io.swarmplay.module.Action;
import io.swarmplay.module.Diff;
import io.swarmplay.report.Json;
import io.swarmplay.report.Redactor;
import io.swarmplay.report.Style;
import io.swarmplay.report.TextDiff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link Plan} as text (per play and host, in order, with Terraform-style markers)
 * or as JSON; both views come from the same model. The steps come from events already masked
 * ({@link Redactor#redact}); the plan is printed after the run, so the finished text passes the
 * same redactor once more for secrets learned after a step was collected.
 */
public final class PlanRenderer {

    private static final int MAX_INLINE = 100;
    private static final int MAX_LINES = 8;

    private final Style style;
    private final Redactor redactor;
    private final boolean diff;
    private final boolean verbose;

    public PlanRenderer(Style style, Redactor redactor, boolean diff, boolean verbose) {
        this.style = style;
        this.redactor = redactor;
        this.diff = diff;
        this.verbose = verbose;
    }

    public String text(Plan plan) {
        StringBuilder out = new StringBuilder();
        if (plan.offline()) out.append(style.bold(Plan.OFFLINE)).append('\n');
        String play = null;
        String host = null;
        for (PlannedStep step : plan.steps()) {
            if (!step.play().equals(play)) {
                play = step.play();
                host = null;
                out.append('\n').append(style.bold("PLAY [" + play + "]")).append('\n');
            }
            if (!step.host().equals(host)) {
                host = step.host();
                out.append("\n  ").append(style.bold(host)).append('\n');
            }
            step(out, step);
        }
        unreachable(out, plan);
        out.append('\n').append(style.bold(plan.summary())).append('\n');
        return redactor.mask(out.toString());
    }

    // one line per host that could not be contacted, with the cause: their steps above are unknowns
    private void unreachable(StringBuilder out, Plan plan) {
        if (plan.unreachable().isEmpty()) return;
        out.append('\n').append(style.bold("Unreachable hosts (planned without their state):")).append('\n');
        plan.unreachable().forEach((host, cause) -> out.append(style.red("  " + host + ": " + cause)).append('\n'));
    }

    private void step(StringBuilder out, PlannedStep step) {
        String marker = step.failed() ? "!" : step.skipped() ? "·" : step.action().marker();
        String line = String.format("  %3s %s  (%s: %s)", marker, step.task(), step.module(), step.summary());
        out.append(colour(step, line)).append('\n');
        if (step.hidden()) return;
        boolean showArgs = !step.skipped() && !step.failed() && (step.action() != Action.NONE || verbose);
        if (showArgs) args(out, step.args());
        if (diff && step.diff() != null) diff(out, step.diff());
    }

    private void args(StringBuilder out, Map<String, Object> args) {
        for (Map.Entry<String, Object> arg : args.entrySet()) {
            // masked before shortening: a cut secret would no longer match
            List<String> lines = valueLines(redactor.maskTree(arg.getValue()));
            if (lines.size() == 1) {
                out.append("        ").append(arg.getKey()).append(": ").append(lines.get(0)).append('\n');
                continue;
            }
            out.append("        ").append(arg.getKey()).append(": |").append('\n');
            for (String l : lines) out.append("          ").append(l).append('\n');
        }
    }

    private static List<String> valueLines(Object value) {
        String text = value instanceof String s ? s : Json.compact(value);
        if (!text.contains("\n")) return List.of(shorten(text));
        String[] all = text.split("\n");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < all.length && i < MAX_LINES; i++) lines.add(shorten(all[i]));
        if (all.length > MAX_LINES) lines.add("… (" + (all.length - MAX_LINES) + " more lines)");
        return lines;
    }

    private static String shorten(String text) {
        return text.length() <= MAX_INLINE ? text : text.substring(0, MAX_INLINE) + "…";
    }

    private void diff(StringBuilder out, Diff d) {
        if (!d.isText()) {
            for (Diff.FieldChange f : d.fields()) {
                out.append("        ").append(f.field()).append(": ").append(f.before()).append(" → ")
                        .append(f.after()).append('\n');
            }
            return;
        }
        for (String line : TextDiff.unified(d.header(), d.before(), d.after()).split("\n")) {
            if (!line.isEmpty()) out.append("        ").append(diffColour(line)).append('\n');
        }
    }

    private String diffColour(String line) {
        if (line.startsWith("+") && !line.startsWith("+++")) return style.green(line);
        if (line.startsWith("-") && !line.startsWith("---")) return style.red(line);
        return line;
    }

    private String colour(PlannedStep step, String line) {
        if (step.failed()) return style.red(line);
        if (step.skipped()) return style.dim(line);
        return switch (step.action()) {
            case CREATE -> style.green(line);
            case UPDATE, RUN -> style.yellow(line);
            case REPLACE, DELETE -> style.red(line);
            case UNKNOWN -> style.cyan(line);
            case NONE -> line;
        };
    }

    /** The same plan as one JSON document. */
    public String json(Plan plan) {
        List<Object> steps = new ArrayList<>();
        for (PlannedStep s : plan.steps()) steps.add(jsonStep(s));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format_version", "1");
        doc.put("offline", plan.offline());
        doc.put("steps", steps);
        List<Object> unreachable = new ArrayList<>();
        plan.unreachable().forEach((host, cause) -> unreachable.add(Map.of("host", host, "cause", cause)));
        doc.put("unreachable", unreachable);
        Map<String, Object> counts = new LinkedHashMap<>();
        plan.counts().forEach((a, n) -> counts.put(a.name().toLowerCase(), n));
        counts.put("failed", plan.failures());
        doc.put("summary", counts);
        doc.put("summary_text", plan.summary());
        return redactor.mask(Json.pretty(redactor.maskTree(doc), 2));
    }

    private static Map<String, Object> jsonStep(PlannedStep s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("play", s.play());
        json.put("host", s.host());
        json.put("task", s.task());
        json.put("module", s.module());
        json.put("action", s.failed() ? "failed" : s.skipped() ? "skipped" : s.action().name().toLowerCase());
        json.put("marker", s.failed() ? "!" : s.skipped() ? "·" : s.action().marker());
        json.put("summary", s.summary());
        if (!s.hidden()) json.put("args", s.args());
        if (s.diff() != null) json.put("diff", diffJson(s.diff()));
        if (s.position() != null) json.put("position", s.position());
        return json;
    }

    private static Map<String, Object> diffJson(Diff d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("header", d.header());
        if (d.isText()) {
            json.put("before", d.before());
            json.put("after", d.after());
        } else {
            List<Object> fields = new ArrayList<>();
            for (Diff.FieldChange f : d.fields()) fields.add(Map.of("field", f.field(), "before", String.valueOf(f.before()), "after", String.valueOf(f.after())));
            json.put("fields", fields);
        }
        return json;
    }
}
