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

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
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
