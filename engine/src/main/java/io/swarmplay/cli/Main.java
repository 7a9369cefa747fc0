package io.swarmplay.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Arrays;

/**
 * Entry point. Accepts {@code swarmplay [run|plan] ...}: {@code run} is the default and
 * {@code plan} is {@code --plan}, so harnesses written for either form work.
 */
public final class Main {

    private Main() {
    }

    /**
     * Set by the launcher on its class-data training run only: a file of further runs for the same
     * JVM (one argument per line, an empty line between runs), so that the archive also holds the
     * classes of those runs (the offline CIFAR-10 plan: its docker, plan and template classes).
     */
    static final String TRAINING_RUNS = "swarmplay.training.runs";

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = execute(args, out, err);
        String training = System.getProperty(TRAINING_RUNS);
        if (training != null) for (String[] run : trainingRuns(java.nio.file.Path.of(training))) execute(run, out, err);
        System.exit(code);
    }

    /** The runs of a training file ({@link #TRAINING_RUNS}); none when it cannot be read. */
    static java.util.List<String[]> trainingRuns(java.nio.file.Path file) {
        java.util.List<String> lines;
        try {
            lines = java.nio.file.Files.readAllLines(file);
        } catch (java.io.IOException e) {
            return java.util.List.of();
        }
        java.util.List<String[]> runs = new java.util.ArrayList<>();
        java.util.List<String> run = new java.util.ArrayList<>();
        for (String line : lines) {
            if (!line.isEmpty()) run.add(line);
            else if (!run.isEmpty()) {
                runs.add(run.toArray(String[]::new));
                run.clear();
            }
        }
        if (!run.isEmpty()) runs.add(run.toArray(String[]::new));
        return runs;
    }

    /** Runs the command in-process (tests use this) and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length > 0 && args[0].equals("doc")) return DocCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        if (args.length > 0 && (args[0].equals("apply") || args[0].equals("show"))) {
            return SavedPlans.run(args[0], Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args.length > 0 && args[0].equals("graph")) return GraphCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        if (args.length > 0 && args[0].equals("trust")) return trust(Arrays.copyOfRange(args, 1, args.length), out, err);
        CommandLine cli = SwarmplayCommand.commandLine(out, err);
        return cli.execute(normalise(args));
    }

    private static int trust(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new TrustCommand(out, err));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            err.println("error: " + ex.getMessage());
            return io.swarmplay.run.ExitStatus.LOAD_ERROR.code();
        });
        return cli.execute(args);
    }

    static String[] normalise(String[] args) {
        if (args.length == 0) return args;
        if (args[0].equals("run")) return Arrays.copyOfRange(args, 1, args.length);
        if (args[0].equals("plan")) {
            String[] rest = Arrays.copyOfRange(args, 1, args.length + 1);
            rest[rest.length - 1] = "--plan";
            return rest;
        }
        return args;
    }
}
