package io.swarmplay.plan;

import io.swarmplay.module.Action;
import io.swarmplay.module.Diff;
import io.swarmplay.report.Json;
import io.swarmplay.report.Redactor;
import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.SourceFile;
import io.swarmplay.source.YamlReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan written by {@code --plan --out FILE} for {@code swarmplay apply FILE}: the command line
 * it was made with, the hash of every control-node file it read ({@link ProjectFiles}), and
 * every step with the hash of what it found on its host (action, summary, diff: what the step's
 * look at the live state showed). Secrets are never written: the steps arrive masked, and the
 * whole file passes the run's redactor; values needed at apply are rendered again from the same
 * files, whose hashes must still match.
 *
 * @param dir   the working directory the plan was made in (relative paths of {@code args} are relative to it)
 * @param args  the command line of the plan, without {@code --plan}, {@code --out} and output flags
 * @param files the control-node files by absolute path, with their SHA-256
 * @param plan   the plan
 * @param hashes per step of the plan, in order, the hash of what it found ({@link #stateHash})
 */
public record SavedPlan(String dir, List<String> args, Map<String, String> files, Plan plan, List<String> hashes) {

    static final String FORMAT = "swarmplay-saved-plan";

    public SavedPlan {
        args = List.copyOf(args);
        files = Map.copyOf(files);
        hashes = List.copyOf(hashes);
    }

    /** A plan just made, to be saved. */
    public static SavedPlan of(List<String> args, Map<String, String> files, Plan plan) {
        return new SavedPlan(Path.of("").toAbsolutePath().toString(), args, files, plan, plan.steps().stream().map(SavedPlan::stateHash).toList());
    }

    /**
     * How {@code now}, the same plan made again before apply, differs from this one: a line per
     * step whose host state moved (with what it planned then and now), per step no longer or
     * newly planned. An offline plan assumed fresh hosts: there only the actions must match,
     * and a value that was unknown matches whatever the host shows.
     */
    public List<String> moved(Plan now) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        Map<String, Integer> then = new LinkedHashMap<>();
        for (int i = 0; i < plan.steps().size(); i++) then.put(occurrence(plan.steps().get(i), seen), i);
        seen.clear();
        List<String> moved = new ArrayList<>();
        for (PlannedStep step : now.steps()) {
            Integer i = then.remove(occurrence(step, seen));
            if (i == null) moved.add(step.address() + " (" + step.title() + ") is now planned: " + line(step));
            else if (!same(plan.steps().get(i), hashes.get(i), step)) {
                moved.add("host state changed: " + step.address() + " (" + step.title() + "): planned "
                        + line(plan.steps().get(i)) + ", now " + line(step));
            }
        }
        then.forEach((key, i) -> moved.add(plan.steps().get(i).address() + " (" + plan.steps().get(i).title()
                + ") is no longer planned"));
        return moved;
    }

    private static String occurrence(PlannedStep step, Map<String, Integer> seen) {
        String key = step.address() + "\n" + step.title();
        return key + "\n" + seen.merge(key, 1, Integer::sum);
    }

    private boolean same(PlannedStep before, String hash, PlannedStep now) {
        if (!plan.offline()) return hash.equals(stateHash(now));
        return before.action() == Action.UNKNOWN || before.state().equals(now.state());
    }

    private static String line(PlannedStep step) {
        return "'" + step.marker() + " " + step.summary() + "'";
    }

    public void write(Path file, Redactor redactor) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("format_version", "1");
        doc.put("dir", dir);
        doc.put("args", args);
        doc.put("files", new java.util.TreeMap<>(files));
        doc.put("offline", plan.offline());
        doc.put("unreachable", plan.unreachable());
        List<Object> steps = new ArrayList<>();
        for (int i = 0; i < plan.steps().size(); i++) steps.add(stepTree(plan.steps().get(i), hashes.get(i)));
        doc.put("steps", steps);
        Files.writeString(file, redactor.mask(Json.pretty(redactor.maskTree(doc), 2)) + "\n");
    }

    /** Reads a saved plan; empty when the file is not one (the caller says so). */
    public static Optional<SavedPlan> read(Path file) throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        Object doc = new YamlReader(diagnostics).read(SourceFile.of(file, Files.readString(file)))
                .map(n -> n.value()).orElse(null);
        if (diagnostics.hasErrors() || !(doc instanceof Map<?, ?> map) || !FORMAT.equals(map.get("format"))) {
            return Optional.empty();
        }
        List<PlannedStep> steps = new ArrayList<>();
        for (Object s : list(map.get("steps"))) steps.add(step((Map<?, ?>) s));
        Map<String, String> unreachable = new LinkedHashMap<>();
        if (map.get("unreachable") instanceof Map<?, ?> u) u.forEach((k, v) -> unreachable.put(str(k), str(v)));
        Map<String, String> files = new LinkedHashMap<>();
        if (map.get("files") instanceof Map<?, ?> f) f.forEach((k, v) -> files.put(str(k), str(v)));
        List<String> hashes = list(map.get("steps")).stream().map(s -> str(((Map<?, ?>) s).get("state_sha256"))).toList();
        return Optional.of(new SavedPlan(str(map.get("dir")), list(map.get("args")).stream().map(SavedPlan::str).toList(), files,
                new Plan(steps, unreachable, Boolean.TRUE.equals(map.get("offline"))), hashes));
    }

    /**
     * What a step found, as a hash: its action, summary and diff. The same step planned again
     * against the same host state hashes the same.
     */
    public static String stateHash(PlannedStep step) {
        String diff = step.diff() == null ? "" : Json.compact(diffTree(step.diff()));
        return ProjectFiles.sha256(step.state() + "\n" + step.summary() + "\n" + diff);
    }

    private static Map<String, Object> stepTree(PlannedStep s, String hash) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("address", s.address());
        json.put("play", s.play());
        json.put("host", s.host());
        json.put("task", s.task());
        if (s.item() != null) json.put("item", s.item());
        json.put("module", s.module());
        json.put("action", s.state());
        json.put("summary", s.summary());
        json.put("state_sha256", hash);
        json.put("args", s.args());
        if (s.diff() != null) json.put("diff", diffTree(s.diff()));
        if (s.position() != null) json.put("position", s.position());
        json.put("hidden", s.hidden());
        json.put("read_only", s.readOnly());
        return json;
    }

    private static PlannedStep step(Map<?, ?> m) {
        String state = str(m.get("action"));
        boolean failed = state.equals("failed");
        Action action = failed || state.equals("skipped") ? null : Action.valueOf(state.toUpperCase());
        Map<String, Object> args = new LinkedHashMap<>();
        if (m.get("args") instanceof Map<?, ?> a) a.forEach((k, v) -> args.put(str(k), v));
        return new PlannedStep(str(m.get("play")), str(m.get("host")), str(m.get("task")),
                m.get("item") == null ? null : str(m.get("item")), str(m.get("module")), action, str(m.get("summary")),
                args, m.get("diff") instanceof Map<?, ?> d ? diff(d) : null,
                m.get("position") == null ? null : str(m.get("position")), failed, Boolean.TRUE.equals(m.get("hidden")),
                Boolean.TRUE.equals(m.get("read_only")));
    }

    static Map<String, Object> diffTree(Diff d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("header", d.header());
        if (d.isText()) {
            json.put("before", d.before());
            json.put("after", d.after());
        } else {
            json.put("fields", d.fields().stream().map(f -> Map.of("field", f.field(), "before", String.valueOf(f.before()),
                    "after", String.valueOf(f.after()))).toList());
        }
        return json;
    }

    private static Diff diff(Map<?, ?> d) {
        if (d.get("fields") instanceof List<?> fields && !fields.isEmpty()) {
            return Diff.fields(str(d.get("header")), fields.stream().map(f -> (Map<?, ?>) f)
                    .map(f -> new Diff.FieldChange(str(f.get("field")), str(f.get("before")), str(f.get("after")))).toList());
        }
        return Diff.text(str(d.get("header")), d.get("before") == null ? null : str(d.get("before")),
                d.get("after") == null ? null : str(d.get("after")));
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static String str(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
