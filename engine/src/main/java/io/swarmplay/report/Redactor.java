package io.swarmplay.report;

import io.swarmplay.module.Change;
import io.swarmplay.module.Diff;
import io.swarmplay.module.Outcome;
import io.swarmplay.report.RunEvent.HostFinished;
import io.swarmplay.report.RunEvent.Included;
import io.swarmplay.report.RunEvent.ItemFinished;
import io.swarmplay.report.RunEvent.PlayStarted;
import io.swarmplay.report.RunEvent.StepProgress;
import io.swarmplay.report.RunEvent.TaskStarted;
import io.swarmplay.report.RunEvent.Warning;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one place secrets are taken out of output: values modules mark secret (join tokens, keys),
 * the values of secret-named variables and arguments, and the string values of {@code no_log}
 * results. {@link #redact(RunEvent)} is applied to every event when it is published, so every
 * listener (text, {@code -v}, {@code --json}, the plan, {@code --check --diff}) gets the same
 * masked event; {@code no_log} results are censored there as Ansible censors them. A multi-line
 * secret is masked as a whole and line by line, so no line of it survives in a diff. Thread-safe.
 */
public final class Redactor {

    public static final String MASK = "********";
    /** Ansible's words for a {@code no_log} result. */
    public static final String CENSORED =
            "the output has been hidden due to the fact that 'no_log: true' was specified for this result";
    /** The loop label Ansible prints for the items of a {@code no_log} loop. */
    static final String HIDDEN_ITEM = "None";
    /** Shorter strings are too common to mask without hiding ordinary words. */
    private static final int MIN_LENGTH = 6;

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    /** A secret, and each line of it on its own when it has several. */
    public void add(String secret) {
        if (secret == null) return;
        addOne(secret);
        if (secret.indexOf('\n') >= 0 || secret.indexOf('\r') >= 0) {
            for (String line : secret.split("\r?\n|\r")) addOne(line);
        }
    }

    private synchronized void addOne(String secret) {
        String s = secret.strip();
        if (s.length() >= MIN_LENGTH && !secrets.contains(s)) {
            secrets.add(s);
            secrets.sort(Comparator.comparingInt(String::length).reversed());
        }
    }

    public void addAll(Collection<String> values) {
        values.forEach(this::add);
    }

    /** Adds every string leaf of a value tree (for no_log results). */
    public void addLeaves(Object value) {
        if (value instanceof Map<?, ?> map) map.values().forEach(this::addLeaves);
        else if (value instanceof Collection<?> list) list.forEach(this::addLeaves);
        else if (value instanceof String s) add(s);
    }

    public String mask(String text) {
        if (text == null || secrets.isEmpty()) return text;
        String result = text;
        for (String secret : secrets) result = result.replace(secret, MASK);
        return result;
    }

    /** A copy of a value tree with every string masked. */
    public Object maskTree(Object value) {
        if (secrets.isEmpty()) return value;
        if (value instanceof String s) return mask(s);
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, maskTree(v)));
            return copy;
        }
        if (value instanceof Collection<?> list) return list.stream().map(this::maskTree).toList();
        return value;
    }

    /** The event as listeners may see it: {@code no_log} results censored, every text masked. */
    public RunEvent redact(RunEvent event) {
        if (event instanceof HostFinished e) {
            return new HostFinished(e.task(), mask(e.name()), e.kind(), e.host(), e.delegate(),
                    e.noLog() ? censored(e.outcome()) : mask(e.outcome()), e.noLog() ? Map.of() : maskMap(e.args()),
                    e.ignored(), e.noLog(), e.diff());
        }
        if (event instanceof ItemFinished e) {
            return e.noLog()
                    ? new ItemFinished(e.task(), e.host(), HIDDEN_ITEM, censored(e.outcome()), Map.of(), true)
                    : new ItemFinished(e.task(), e.host(), mask(e.label()), mask(e.outcome()), maskMap(e.args()), false,
                            maskMap(e.loopVars()), e.diff());
        }
        if (event instanceof RunEvent.Retrying e) {
            return new RunEvent.Retrying(e.task(), mask(e.name()), e.host(), e.delegate(), e.retriesLeft(),
                    e.noLog() ? censored(e.outcome()) : mask(e.outcome()), e.noLog());
        }
        if (event instanceof StepProgress e) {
            return new StepProgress(e.task(), e.host(), e.noLog() ? CENSORED : mask(e.message()), e.noLog());
        }
        if (event instanceof TaskStarted e) return new TaskStarted(e.task(), mask(e.name()), e.kind());
        if (event instanceof PlayStarted e) return new PlayStarted(e.play(), mask(e.name()), e.hosts());
        if (event instanceof Included e) return new Included(e.task(), mask(e.file()), e.hosts(), mask(e.label()));
        if (event instanceof Warning e) return new Warning(mask(e.message()));
        if (event instanceof RunEvent.Verbose e) return new RunEvent.Verbose(e.level(), mask(e.message()));
        if (event instanceof RunEvent.RunError e) return new RunEvent.RunError(mask(e.message()));
        return event;
    }

    /**
     * A {@code no_log} result: its status and action stay (Ansible shows changed/failed too);
     * its message, summary, diff and data become Ansible's {@code censored} notice.
     */
    private static Outcome censored(Outcome o) {
        Change change = o.change() == null ? null : new Change(o.change().action(), CENSORED, null, null);
        Map<String, Object> data = o.changedFlag() ? Map.of("censored", CENSORED, "changed", true) : Map.of("censored", CENSORED);
        return new Outcome(o.status(), CENSORED, change, data, Map.of(), Set.of(),
                o.duration());
    }

    private Outcome mask(Outcome o) {
        if (secrets.isEmpty()) return o;
        Change c = o.change();
        Change change = c == null ? null : new Change(c.action(), mask(c.summary()), mask(c.diff()), c.payload());
        return new Outcome(o.status(), mask(o.message()), change, maskMap(o.data()), o.facts(), o.secrets(),
                o.duration());
    }

    private Diff mask(Diff d) {
        if (d == null) return null;
        List<Diff.FieldChange> fields = d.fields().stream()
                .map(f -> new Diff.FieldChange(f.field(), mask(f.before()), mask(f.after()))).toList();
        return new Diff(mask(d.header()), mask(d.before()), mask(d.after()), fields);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> maskMap(Map<String, Object> map) {
        return map == null ? null : (Map<String, Object>) maskTree(map);
    }
}
