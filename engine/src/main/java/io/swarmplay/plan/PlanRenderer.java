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
 * Renders a {@link Plan} as text or JSON, both from its {@link Plan#resources() resources}:
 * grouped by host, one line per object or action with its address, a Terraform-style marker
 * and what changes. A text longer than {@link #SCREEN} lines shows what several hosts would get
 * alike (the same line) once, under the names of those hosts ({@link HostGroups}). Verbose ({@code -v}) adds every step acting on it with its full arguments,
 * nothing shortened, and the unchanged and skipped ones. The steps come from events already
 * masked ({@link Redactor#redact}); the plan is printed after the run, so the finished text
 * passes the same redactor once more for secrets learned after a step was collected.
 */
public final class PlanRenderer {

    private static final int MAX_INLINE = 100;
    /** The lines of the text view beyond which what several hosts get alike shows once ({@link HostGroups}). */
    public static final int SCREEN = 150;

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
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        int quiet = 0;
        for (PlannedResource r : plan.resources()) {
            if (r.quiet() && !verbose) {
                quiet++;
                continue;
            }
            StringBuilder block = new StringBuilder();
            resource(block, r);
            blocks.computeIfAbsent(r.host(), h -> new ArrayList<>()).add(block.toString());
        }
        StringBuilder tail = new StringBuilder();
        unreachable(tail, plan);
        if (quiet > 0) tail.append('\n').append(quiet).append(" unchanged, skipped or read-only not shown (-v shows them)\n");
        tail.append('\n').append(style.bold(plan.summary())).append('\n');
        String head = plan.offline() ? style.bold(Plan.OFFLINE) + "\n" : "";
        String whole = head + groups(HostGroups.perHost(blocks)) + tail;
        // a plan that fits a screen shows each host whole; a longer one folds what hosts share
        if (whole.lines().count() > SCREEN) whole = head + groups(HostGroups.of(blocks)) + tail;
        return redactor.mask(whole);
    }

    private String groups(Map<List<String>, List<String>> groups) {
        StringBuilder out = new StringBuilder();
        groups.forEach((hosts, lines) -> {
            out.append('\n').append(style.bold(HostGroups.header(hosts))).append('\n');
            lines.forEach(out::append);
        });
        return out.toString();
    }

    // one line per host that could not be contacted, with the cause: their steps above are unknowns
    private void unreachable(StringBuilder out, Plan plan) {
        if (plan.unreachable().isEmpty()) return;
        out.append('\n').append(style.bold("Unreachable hosts (planned without their state):")).append('\n');
        plan.unreachable().forEach((host, cause) -> out.append(style.red("  " + host + ": " + cause)).append('\n'));
    }

    private void resource(StringBuilder out, PlannedResource r) {
        PlannedStep decisive = r.decisive();
        String more = r.steps().size() > 1 ? " [" + r.steps().size() + " steps]" : "";
        String line = String.format("  %3s %s  (%s)%s%s", decisive.marker(), r.name(), cut(decisive.summary()),
                changedFields(decisive), more);
        out.append(colour(decisive, line)).append('\n');
        if (verbose) r.steps().forEach(s -> step(out, s));
        else if (diff && decisive.diff() != null && !decisive.hidden()) diff(out, decisive.diff());
    }

    // an update names the declared fields that differ; their values show with --diff or -v
    private static String changedFields(PlannedStep step) {
        if (step.diff() == null || step.diff().isText() || step.hidden()
                || (step.action() != Action.UPDATE && step.action() != Action.REPLACE)) {
            return "";
        }
        return " changes: " + String.join(", ", step.diff().fields().stream().map(Diff.FieldChange::field).toList());
    }

    private String cut(String text) {
        if (verbose) return text;
        String line = text.lines().findFirst().orElse("");
        return line.length() <= MAX_INLINE && line.length() == text.length() ? line
                : line.substring(0, Math.min(line.length(), MAX_INLINE)) + "…";
    }

    private void step(StringBuilder out, PlannedStep step) {
        out.append("      ").append(step.marker()).append(' ').append(step.title()).append("  (").append(step.module())
                .append(step.position() == null ? "" : " at " + step.position()).append(")\n");
        if (!step.summary().isEmpty()) out.append("        ").append(step.summary()).append('\n');
        if (step.hidden()) return;
        if (!step.skipped() && !step.failed()) args(out, step.args());
        if (step.diff() != null) diff(out, step.diff());
    }

    private void args(StringBuilder out, Map<String, Object> args) {
        for (Map.Entry<String, Object> arg : args.entrySet()) {
            Object value = redactor.maskTree(arg.getValue());
            String text = value instanceof String s ? s : Json.compact(value);
            if (!text.contains("\n")) {
                out.append("        ").append(arg.getKey()).append(": ").append(text).append('\n');
                continue;
            }
            out.append("        ").append(arg.getKey()).append(": |").append('\n');
            for (String l : text.split("\n", -1)) out.append("          ").append(l).append('\n');
        }
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

    /**
     * The same plan as one JSON document: one line per resource, in the text's order, with its
     * address and action and nothing that varies between two runs of the same plan, so a plain
     * {@code diff} of two plans shows the addresses added and removed. Verbose adds each
     * resource's steps (summary, arguments, diff).
     */
    public String json(Plan plan) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"format_version\": \"2\",\n");
        out.append("  \"offline\": ").append(plan.offline()).append(",\n");
        out.append("  \"resources\": [");
        List<PlannedResource> resources = plan.resources();
        for (int i = 0; i < resources.size(); i++) {
            Object json = redactor.maskTree(jsonResource(resources.get(i)));
            // the comma leads the line, so appending a resource adds a line and changes none
            out.append(i == 0 ? "\n    " : "\n  , ").append(verbose ? Json.pretty(json, 2).replace("\n", "\n    ") : Json.compact(json));
        }
        out.append(resources.isEmpty() ? "],\n" : "\n  ],\n");
        Map<String, Object> tail = new LinkedHashMap<>();
        List<Object> unreachable = new ArrayList<>();
        plan.unreachable().forEach((host, cause) -> unreachable.add(Map.of("host", host, "cause", cause)));
        tail.put("unreachable", unreachable);
        Map<String, Object> counts = new LinkedHashMap<>();
        plan.counts().forEach((a, n) -> counts.put(a.name().toLowerCase(), n));
        counts.put("failed", plan.failures());
        tail.put("summary", counts);
        tail.put("summary_text", plan.summary());
        String rest = Json.pretty(redactor.maskTree(tail), 2);
        out.append(rest, 2, rest.length()).append('\n');
        return redactor.mask(out.toString());
    }

    private Map<String, Object> jsonResource(PlannedResource r) {
        PlannedStep decisive = r.decisive();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("address", r.address());
        json.put("host", r.host());
        json.put("action", decisive.state());
        json.put("marker", decisive.marker());
        if (!changedFields(decisive).isEmpty()) {
            json.put("changes", decisive.diff().fields().stream().map(Diff.FieldChange::field).toList());
        }
        json.put("tasks", r.steps().stream().map(PlannedStep::task).distinct().toList());
        if (verbose) json.put("steps", r.steps().stream().map(PlanRenderer::jsonStep).toList());
        return json;
    }

    private static Map<String, Object> jsonStep(PlannedStep s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("play", s.play());
        json.put("task", s.task());
        if (s.item() != null) json.put("item", s.item());
        json.put("module", s.module());
        json.put("action", s.state());
        json.put("marker", s.marker());
        json.put("summary", s.summary());
        if (!s.hidden()) json.put("args", s.args());
        if (s.diff() != null) json.put("diff", SavedPlan.diffTree(s.diff()));
        if (s.position() != null) json.put("position", s.position());
        return json;
    }
}
