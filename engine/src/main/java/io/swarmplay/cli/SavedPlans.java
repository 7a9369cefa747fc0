package io.swarmplay.cli;

import io.swarmplay.plan.PlanRenderer;
import io.swarmplay.plan.ProjectFiles;
import io.swarmplay.plan.SavedPlan;
import io.swarmplay.report.Redactor;
import io.swarmplay.report.Style;
import io.swarmplay.run.ExitStatus;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code swarmplay apply FILE} and {@code swarmplay show FILE} for plans saved with
 * {@code --plan --out FILE}. Apply runs exactly the saved plan, or refuses, naming what moved,
 * when a file it was made from or the state a step found on its host changed since (Terraform's
 * "Saved plan is stale"); the check only reads, so a refusal leaves every host untouched.
 */
final class SavedPlans {

    /** Flags of the plan that are not part of what is applied. */
    private static final List<String> PLAN_ONLY = List.of("--plan", "--json", "--detailed-exitcode", "--offline");

    private SavedPlans() {
    }

    /** The plan's command line as apply runs it again: without the plan-only flags and {@code --out FILE}. */
    static List<String> replayArgs(List<String> original) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < original.size(); i++) {
            String a = original.get(i);
            if (a.equals("--out")) i++;
            else if (!PLAN_ONLY.contains(a) && !a.startsWith("--out=")) args.add(a);
        }
        return args;
    }

    static int run(String verb, String[] args, PrintWriter out, PrintWriter err) {
        List<String> flags = new ArrayList<>(List.of(args));
        boolean json = flags.remove("--json");
        boolean verbose = flags.remove("-v");
        boolean diff = flags.remove("--diff") | flags.remove("-D");
        if (flags.size() != 1 || flags.get(0).startsWith("-") || (verb.equals("apply") && (json || verbose || diff))) {
            err.println("error: usage: swarmplay apply FILE | swarmplay show FILE [--json] [-v] [--diff]");
            return ExitStatus.USAGE.code();
        }
        Path file = Path.of(flags.get(0));
        Optional<SavedPlan> saved = read(file, err);
        if (saved.isEmpty()) return ExitStatus.LOAD_ERROR.code();
        if (verb.equals("show")) return show(saved.get(), file, json, verbose, diff, out);
        return apply(saved.get(), file, out, err);
    }

    private static Optional<SavedPlan> read(Path file, PrintWriter err) {
        try {
            Optional<SavedPlan> saved = SavedPlan.read(file);
            if (saved.isEmpty()) err.println("error: " + file + " is not a saved plan (write one with --plan --out FILE)");
            return saved;
        } catch (IOException e) {
            err.println("error: cannot read " + file + ": " + io.swarmplay.connection.Causes.plain(e));
            return Optional.empty();
        }
    }

    private static int show(SavedPlan saved, Path file, boolean json, boolean verbose, boolean diff, PrintWriter out) {
        PlanRenderer renderer = new PlanRenderer(new Style(false), new Redactor(), diff, verbose);
        if (json) {
            out.println(renderer.json(saved.plan()));
        } else {
            out.println("Saved plan " + file + ": swarmplay " + String.join(" ", saved.args()) + " (in " + saved.dir() + ", "
                    + saved.files().size() + " files hashed)");
            out.print(renderer.text(saved.plan()));
        }
        out.flush();
        return ExitStatus.OK.code();
    }

    private static int apply(SavedPlan saved, Path file, PrintWriter out, PrintWriter err) {
        if (!Path.of("").toAbsolutePath().toString().equals(saved.dir())) {
            return stale(file, List.of("it was made in " + saved.dir() + ": run apply there (its paths are relative to it)"), err);
        }
        List<String> moved = ProjectFiles.moved(saved.files(), ProjectFiles.rehash(saved.files().keySet()));
        if (!moved.isEmpty()) return stale(file, moved, err);
        AtomicReference<Session.Planned> again = new AtomicReference<>();
        int code = execute(saved.args(), file, again, new PrintWriter(Writer.nullWriter()), err);
        if (again.get() == null) return code;
        if (again.get().status() == ExitStatus.NOT_CONTACTED) {
            return stale(file, List.of("a host could not be contacted to check its state: " + again.get().plan().unreachable()), err, ExitStatus.HOST_UNREACHABLE);
        }
        moved = new ArrayList<>(ProjectFiles.moved(saved.files(), again.get().files()));
        moved.addAll(saved.moved(again.get().plan()));
        if (!moved.isEmpty()) return stale(file, moved, err);
        err.println("Saved plan " + file + " is current: applying it.");
        err.flush();
        return execute(saved.args(), file, null, out, err);
    }

    /** Runs the saved command line: as a plan into {@code sink} (output discarded) when given, else applying. */
    static int execute(List<String> args, Path file, AtomicReference<Session.Planned> sink, PrintWriter out,
                               PrintWriter err) {
        boolean plan = sink != null;
        picocli.CommandLine cli = SwarmplayCommand.commandLine(out, plan ? new PrintWriter(Writer.nullWriter()) : err);
        SwarmplayCommand command = cli.getCommand();
        if (file != null) command.planFile = file.toAbsolutePath().normalize().toString();
        if (plan) command.planSink = sink::set;
        List<String> all = new ArrayList<>(args);
        if (plan) all.add("--plan");
        int code = cli.execute(all.toArray(String[]::new));
        return code;
    }

    private static int stale(Path file, List<String> moved, PrintWriter err) {
        return stale(file, moved, err, ExitStatus.LOAD_ERROR);
    }

    private static int stale(Path file, List<String> moved, PrintWriter err, ExitStatus status) {
        err.println("error: Saved plan " + file + " is stale: what it was made from changed since, so nothing was applied.");
        moved.forEach(m -> err.println("  " + m));
        err.println("  make a new plan: swarmplay ... --plan --out " + file);
        return status.code();
    }
}
