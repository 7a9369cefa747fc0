package io.swarmplay.report;

import io.swarmplay.module.Diff;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Status;
import io.swarmplay.report.RunEvent.HostFinished;
import io.swarmplay.report.RunEvent.Included;
import io.swarmplay.report.RunEvent.ItemFinished;
import io.swarmplay.report.RunEvent.NoHostsLeft;
import io.swarmplay.report.RunEvent.PlayStarted;
import io.swarmplay.report.RunEvent.RunFinished;
import io.swarmplay.report.RunEvent.StepProgress;
import io.swarmplay.report.RunEvent.TaskKind;
import io.swarmplay.report.RunEvent.TaskStarted;
import io.swarmplay.report.RunEvent.Warning;

import io.swarmplay.playbook.Task;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Output as ansible-playbook 2.14's default callback prints it, byte for byte on a run without a
 * terminal: {@code PLAY [..]} and {@code TASK [..]} banners 79 columns wide, {@code ok: [h]},
 * {@code changed: [h]}, {@code skipping: [h]}, {@code fatal: [h]: FAILED! => {json}}, one line per
 * loop item ({@code ok: [h] => (item=x)}) and none for the loop as a whole, {@code ...ignoring},
 * the result as JSON where Ansible shows it ({@code debug}, {@code assert}, failures, and every
 * result from {@code -v}), and the {@code PLAY RECAP}. swarmplay's own: {@code would change:}
 * under {@code --check}, progress lines of waits, and task durations with {@code --timings}.
 * Events arrive masked and censored ({@link Redactor#redact}).
 */
public final class HumanReporter implements RunListener {

    /** ansible-playbook's banner width when its output is not a terminal. */
    private static final int COLUMNS = 79;

    private final PrintWriter out;
    private final PrintWriter err;
    /** Warnings of the current task already shown: Ansible's worker shows each once per task. */
    private final Set<String> warned = new HashSet<>();
    private final Style style;
    private final int verbosity;
    private final boolean diff;
    private final boolean check;
    private final boolean timings;
    /** Hosts whose loop items of the current task were printed: their loop's own line is not. */
    private final Set<String> looped = new HashSet<>();

    private boolean showCustomStats;

    public HumanReporter(PrintWriter out, Style style, int verbosity, boolean diff, boolean check) {
        this(out, style, verbosity, diff, check, false);
    }

    public HumanReporter(PrintWriter out, Style style, int verbosity, boolean diff, boolean check, boolean timings) {
        this(out, out, style, verbosity, diff, check, timings);
    }

    /** {@code err}: where warnings go (ansible-playbook prints them on stderr). */
    public HumanReporter(PrintWriter out, PrintWriter err, Style style, int verbosity, boolean diff, boolean check,
                         boolean timings) {
        this.out = out;
        this.err = err;
        this.style = style;
        this.verbosity = verbosity;
        this.diff = diff;
        this.check = check;
        this.timings = timings;
    }

    @Override
    public void report(RunEvent event) {
        if (event instanceof PlayStarted e) banner("PLAY [" + e.name() + "]");
        else if (event instanceof RunEvent.PlaybookStarted e) playbook(e);
        else if (event instanceof TaskStarted e) task(e);
        else if (event instanceof ItemFinished e) item(e);
        else if (event instanceof HostFinished e) host(e);
        else if (event instanceof Included e) print(style.cyan("included: " + e.file() + " for " + String.join(", ", e.hosts())
                + (e.label() == null ? "" : " => (item=" + e.label() + ")")));
        else if (event instanceof NoHostsLeft) banner("NO MORE HOSTS LEFT");
        else if (event instanceof StepProgress e) print(style.dim("  … [" + e.host() + "] " + e.message()));
        else if (event instanceof RunEvent.AsyncPolled e) print(asyncLine(e));
        else if (event instanceof RunEvent.Retrying e) print(retryLine(e));
        else if (event instanceof RunEvent.RunError e) print(style.red("ERROR! " + e.message()));
        else if (event instanceof Warning e) warning(e.message());
        else if (event instanceof RunEvent.Verbose e && verbosity >= e.level()) print(e.message());
        else if (event instanceof RunFinished e) {
            recap(e.recap());
            if (showCustomStats) customStats(e.recap().custom());
        }
        out.flush();
    }

    /** Ansible's default callback's async lines (its debug colour: dark grey). */
    private String asyncLine(RunEvent.AsyncPolled e) {
        return style.dim(switch (e.state()) {
            case RUNNING -> "ASYNC POLL on " + e.host() + ": jid=" + e.jid() + " started=1 finished=0";
            case OK -> "ASYNC OK on " + e.host() + ": jid=" + e.jid();
            case FAILED -> "ASYNC FAILED on " + e.host() + ": jid=" + e.jid();
        });
    }

    /** Ansible's {@code v2_runner_retry}: the attempt's result from -vvv, in its debug colour. */
    private String retryLine(RunEvent.Retrying e) {
        String target = e.host() + (e.delegate() != null ? " -> " + e.delegate() : "");
        String line = "FAILED - RETRYING: [" + target + "]: " + e.name().strip() + " (" + e.retriesLeft() + " retries left).";
        if (verbosity > 2) line += "Result was: " + dump(view(e.task(), e.outcome(), e.noLog(), Map.of(), Map.of()), null, Map.of());
        return style.dim(line);
    }

    private void task(TaskStarted e) {
        looped.clear();
        warned.clear();
        banner((e.kind() == TaskKind.HANDLER ? "RUNNING HANDLER" : "TASK") + " [" + e.name().strip() + "]");
    }

    // ansible-playbook -vv: the default callback's PLAYBOOK banner, then the executor's play count
    private void playbook(RunEvent.PlaybookStarted e) {
        if (verbosity < 2) return;
        banner("PLAYBOOK: " + e.file().getFileName());
        print(e.plays() + " plays in " + e.file());
    }

    // Ansible's Display.banner: the title, a space, stars to the width (at least 3)
    private void banner(String title) {
        String msg = title.strip();
        print("");
        print(msg + " " + "*".repeat(Math.max(3, COLUMNS - msg.length())));
    }

    private void item(ItemFinished e) {
        looped.add(e.host());
        Outcome o = e.outcome();
        // as Ansible: each item's diff, before its line
        if (!e.noLog() && showsDiff(e.diff())) printDiff(o);
        Map<String, Object> view = view(e.task(), o, e.noLog(), e.args(), e.loopVars());
        Task shown = shown(e.task(), e.noLog(), o);
        String line = switch (o.status()) {
            case FAILED, UNREACHABLE -> "failed: [" + e.host() + "] (item=" + e.label() + ") => " + dump(view, shown, e.args());
            case SKIPPED -> "skipping: [" + e.host() + "] => (item=" + e.label() + ") " + verbose(view, null, e.args());
            default -> statusWord(o.status()) + ": [" + e.host() + "] => (item=" + e.label() + ")" + verbose(view, shown, e.args());
        };
        print(colour(o.status(), line));
    }

    private void host(HostFinished e) {
        Outcome o = e.outcome();
        boolean wasLooped = looped.remove(e.host());
        if (!wasLooped && showsDiff(e.diff())) printDiff(o);
        if (!e.noLog()) resultWarnings(o);
        // Ansible's rule: a loop's result shows its items instead of itself while it has its results (not censored)
        boolean items = wasLooped && o.status() != Status.UNREACHABLE && o.data().containsKey("results");
        String target = e.host() + (e.delegate() != null ? " -> " + e.delegate() : "");
        Map<String, Object> view = view(e.task(), o, e.noLog(), e.args(), Map.of());
        Task shown = shown(e.task(), e.noLog(), o);
        // Ansible's _process_items: a loop's own result is shown without the items' results
        if (e.task().options().loop() != null) view.remove("results");
        String line = switch (o.status()) {
            case FAILED -> items ? null : "fatal: [" + target + "]: FAILED! => " + dump(view, shown, e.args());
            case UNREACHABLE -> "fatal: [" + target + "]: UNREACHABLE! => " + dump(view, null, e.args());
            case SKIPPED -> "skipping: [" + e.host() + "]" + verbose(view, null, e.args());
            default -> items ? null : statusWord(o.status()) + ": [" + target + "]" + verbose(view, shown, e.args());
        };
        if (line != null) print(colour(o.status(), line) + (timings ? style.dim(took(o.duration())) : ""));
        if (line != null && o.data().get(ResultView.WHERE) instanceof String where) print(style.dim("  at " + where));
        if (e.ignored()) print(style.cyan("...ignoring"));
    }

    /** Ansible's callback {@code _handle_warnings}: the result's {@code warnings} as warnings, before the result. */
    private void resultWarnings(Outcome o) {
        if (o.data().get("warnings") instanceof java.util.List<?> warnings) warnings.forEach(w -> warning(String.valueOf(w)));
    }

    /**
     * The task whose action decides how a result is shown; none for a censored result (it keeps no
     * {@code _ansible_verbose_always}) or one the action never made (a template that failed first).
     */
    private static Task shown(Task task, boolean noLog, Outcome o) {
        return noLog || !ranAction(o) ? null : task;
    }

    /** Whether the task's action ran: a failure before it (a template, a condition) has no change. */
    private static boolean ranAction(Outcome o) {
        return o.status() != Status.FAILED || o.change() != null || o.data().containsKey("changed");
    }

    /** The task's {@code diff:} keyword, else the run's {@code --diff}. */
    private boolean showsDiff(Boolean taskDiff) {
        return taskDiff != null ? taskDiff : diff;
    }

    private void printDiff(Outcome o) {
        if (o.change() != null && o.change().diff() != null) printDiff(o.change().diff());
    }

    private Map<String, Object> view(Task task, Outcome o, boolean noLog, Map<String, Object> args, Map<String, Object> extra) {
        if (noLog) {
            Map<String, Object> censored = new LinkedHashMap<>();
            censored.put("censored", Redactor.CENSORED);
            if (ranAction(o)) censored.put("changed", o.changedFlag());
            return censored;
        }
        return ResultView.of(o, task.module(), args, extra, verbosity);
    }

    /** Results that did not fail are shown from {@code -v} on (debug and assert always, by their module). */
    @Override
    public boolean showsResults() {
        return verbosity > 0;
    }

    /** {@code " => {json}"} where Ansible shows the result: from -v, and always for debug and assert. */
    private String verbose(Map<String, Object> view, Task task, Map<String, Object> args) {
        return verbosity > 0 || verboseAlways(task, args) ? " => " + dump(view, task, args) : "";
    }

    private String dump(Map<String, Object> view, Task task, Map<String, Object> args) {
        return Json.python(view, verboseAlways(task, args) || verbosity > 2 ? 4 : -1);
    }

    /**
     * Ansible's {@code _ansible_verbose_always}: set by the debug action, and by assert unless
     * {@code quiet}, on the results they return (null {@code task}: a result they did not return).
     */
    private static boolean verboseAlways(Task task, Map<String, Object> args) {
        if (task == null) return false;
        String module = task.module().substring(task.module().lastIndexOf('.') + 1);
        return module.equals("debug") || module.equals("assert") && !truthy(args.get("quiet"));
    }

    private static boolean truthy(Object value) {
        return value instanceof Boolean b ? b : value != null && Set.of("yes", "true", "on", "1", "y")
                .contains(String.valueOf(value).strip().toLowerCase());
    }

    private void printDiff(Diff d) {
        if (d.isText()) {
            String text = TextDiff.unified(d.header(), d.before(), d.after());
            for (String line : text.split("\n")) if (!line.isEmpty()) print(colourDiff(line));
            return;
        }
        print("--- " + d.header());
        for (Diff.FieldChange f : d.fields()) {
            print("  " + f.field() + ": " + f.before() + " → " + f.after());
        }
    }

    private String colourDiff(String line) {
        if (line.startsWith("+") && !line.startsWith("+++")) return style.green(line);
        if (line.startsWith("-") && !line.startsWith("---")) return style.red(line);
        return line;
    }

    /** Prints set_stats' statistics after the recap (ansible.cfg's {@code show_custom_stats}); returns this reporter. */
    public HumanReporter showingCustomStats(boolean show) {
        this.showCustomStats = show;
        return this;
    }

    // Ansible's default callback: per host (sorted), then the run's, each dumped with indent 1 on one line
    private void customStats(Map<String, Map<String, Object>> custom) {
        if (custom.isEmpty()) return;
        banner("CUSTOM STATS: ");
        custom.forEach((host, stats) -> {
            if (!host.equals(Recap.RUN)) print("\t" + host + ": " + oneLine(stats));
        });
        if (custom.containsKey(Recap.RUN)) {
            print("");
            print("\tRUN: " + oneLine(custom.get(Recap.RUN)));
        }
        print("");
    }

    private static String oneLine(Map<String, Object> stats) {
        return Json.python(stats, 1).replace("\n", "");
    }

    private void recap(Recap recap) {
        banner("PLAY RECAP");
        // Ansible's recap lists the hosts sorted by name
        for (Map.Entry<String, Recap.Counts> e : new java.util.TreeMap<>(recap.hosts()).entrySet()) {
            Recap.Counts c = e.getValue();
            String line = Recap.line(e.getKey(), c);
            print(c.failed > 0 || c.unreachable > 0 ? style.red(line) : c.changed > 0 ? style.yellow(line) : style.green(line));
        }
        print("");
    }

    private String statusWord(Status status) {
        return switch (status) {
            case OK -> "ok";
            case CHANGED -> check ? "would change" : "changed";
            case WOULD_CHANGE -> "would change";
            case SKIPPED -> "skipping";
            case FAILED -> "failed";
            case UNREACHABLE -> "unreachable";
        };
    }

    private String colour(Status status, String line) {
        return switch (status) {
            case OK -> style.green(line);
            case CHANGED, WOULD_CHANGE -> style.yellow(line);
            case SKIPPED -> style.cyan(line);
            case FAILED, UNREACHABLE -> style.red(line);
        };
    }

    private static String took(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? " (" + ms + "ms)" : String.format(" (%.1fs)", ms / 1000.0);
    }

    // Ansible's Display.warning: "[WARNING]: msg" wrapped at the width (textwrap), on stderr, once
    private void warning(String message) {
        String text = String.join("\n", Wrap.words("[WARNING]: " + message, COLUMNS));
        if (!warned.add(text)) return;
        err.println(style.magenta(text));
        err.flush();
    }

    private void print(String line) {
        out.println(line);
    }
}
