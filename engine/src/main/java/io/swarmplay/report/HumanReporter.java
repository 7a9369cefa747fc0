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

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;

/**
 * Output in Ansible's words: {@code PLAY [..]}, {@code TASK [..]}, {@code ok: [h]},
 * {@code changed: [h]}, {@code skipping: [h]}, {@code fatal: [h]: FAILED!}, and the
 * {@code PLAY RECAP} in Ansible's exact format, so tools that parse it keep working. Command
 * output is printed as lines. Events arrive masked and censored ({@link Redactor#redact}).
 */
public final class HumanReporter implements RunListener {

    private static final int COLUMNS = 80;

    private final PrintWriter out;
    private final Style style;
    private final int verbosity;
    private final boolean diff;
    private final boolean check;
    private final OutcomePrinter printer;

    public HumanReporter(PrintWriter out, Style style, int verbosity, boolean diff, boolean check) {
        this.out = out;
        this.style = style;
        this.verbosity = verbosity;
        this.diff = diff;
        this.check = check;
        this.printer = new OutcomePrinter(style, verbosity);
    }

    @Override
    public void report(RunEvent event) {
        if (event instanceof PlayStarted e) banner("PLAY [" + e.name() + "]");
        else if (event instanceof TaskStarted e) banner(taskTitle(e.kind()) + " [" + e.name() + "]");
        else if (event instanceof ItemFinished e) item(e);
        else if (event instanceof HostFinished e) host(e);
        else if (event instanceof Included e) print(style.cyan("included: " + e.file() + " for " + String.join(", ", e.hosts())
                + (e.label() == null ? "" : " => (item=" + e.label() + ")")));
        else if (event instanceof NoHostsLeft) banner("NO MORE HOSTS LEFT");
        else if (event instanceof StepProgress e) print(style.dim("  … [" + e.host() + "] " + e.message()));
        else if (event instanceof RunEvent.AsyncPolled e) print(asyncLine(e));
        else if (event instanceof Warning e) print(style.magenta("[WARNING]: " + e.message()));
        else if (event instanceof RunFinished e) recap(e.recap());
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

    private static String taskTitle(TaskKind kind) {
        return kind == TaskKind.HANDLER ? "RUNNING HANDLER" : "TASK";
    }

    private void banner(String title) {
        int stars = Math.max(3, COLUMNS - title.length());
        print("");
        print(title + " " + "*".repeat(stars));
    }

    private void item(ItemFinished e) {
        Outcome o = e.outcome();
        String line = statusWord(o.status()) + ": [" + e.host() + "] => (item=" + e.label() + ")";
        if (o.isFailed()) line += " => " + o.message();
        print(colour(o.status(), line));
        if (o.isFailed() || verbosity > 0) details(o, e.noLog());
    }

    private void host(HostFinished e) {
        Outcome o = e.outcome();
        String target = e.host() + (e.delegate() != null ? " -> " + e.delegate() : "");
        boolean debug = isDebug(e) && o.status() == Status.OK;
        if (debug) {
            // the data with the headline, as Ansible does (for no_log: its censored notice)
            print(colour(o.status(), headline(e, o, target) + " " + Json.pretty(o.data(), 4)));
        } else {
            print(colour(o.status(), headline(e, o, target)) + style.dim(took(o.duration())));
            if (o.isFailed() || o.status() == Status.UNREACHABLE || verbosity > 0) details(o, e.noLog());
        }
        if (diff && o.change() != null && o.change().diff() != null) printDiff(o.change().diff());
        if (e.ignored()) print(style.cyan("...ignoring"));
    }

    private String headline(HostFinished e, Outcome o, String target) {
        return switch (o.status()) {
            case FAILED -> "fatal: [" + target + "]: FAILED! => " + o.message();
            case UNREACHABLE -> "fatal: [" + target + "]: UNREACHABLE! => " + o.message();
            case SKIPPED -> "skipping: [" + target + "]" + reason(o);
            case WOULD_CHANGE -> "would change: [" + target + "]" + reason(o);
            case OK -> "ok: [" + target + "]" + (isDebug(e) ? " =>" : verbosity > 0 ? reason(o) : "");
            case CHANGED -> (check ? "would change: [" : "changed: [") + target + "]";
        };
    }

    private String reason(Outcome o) {
        return o.message() == null || o.message().isEmpty() ? "" : " (" + o.message() + ")";
    }

    private static boolean isDebug(HostFinished e) {
        return e.task().module().endsWith("debug");
    }

    /** The result's data; a censored result's notice once, where the headline did not carry it already. */
    private void details(Outcome o, boolean noLog) {
        if (noLog) {
            if (o.status() == Status.CHANGED) print("  " + o.message());
            return;
        }
        for (String line : printer.lines(o.data())) print(line);
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

    private void recap(Recap recap) {
        banner("PLAY RECAP");
        for (Map.Entry<String, Recap.Counts> e : recap.hosts().entrySet()) {
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

    private void print(String line) {
        out.println(line);
    }
}
