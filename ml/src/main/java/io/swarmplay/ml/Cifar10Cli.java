package io.swarmplay.ml;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Entry point of {@code ml/cifar10}: picocli subcommands {@code train}, {@code evaluate}, {@code compare}, {@code bench}. */
@Command(name = "cifar10", mixinStandardHelpOptions = true, version = "swarmplay-ml 0.1.0",
    description = "The HPE Swarm Learning CIFAR-10 example model on tensorflow-java.",
    subcommands = {TrainCommand.class, EvaluateCommand.class, CompareCommand.class, BenchCommand.class})
public final class Cifar10Cli implements Runnable {
  /** Exit code for bad input or a failed run. */
  public static final int EXIT_ERROR = 1;
  private static volatile boolean verbose;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  /** Shows stack traces and DEBUG lines. */
  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Show stack traces and debug lines.")
  void setVerbose(boolean value) {
    verbose = value;
    Log.setDebug(value);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, System.getenv()));
  }

  /**
   * Runs the command line with {@code env} as the environment contract.
   *
   * @return the exit code: 0 success, 1 error, 2 usage error or (compare) models differ
   */
  public static int run(String[] args, Map<String, String> env) {
    return run(args, env, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
  }

  /** As {@link #run(String[], Map)}, with the command output and error streams given (tests). */
  public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    verbose = false;
    CommandLine cli = new CommandLine(new Cifar10Cli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setDefaultValueProvider(new EnvDefaults(env));
    cli.setExecutionExceptionHandler(Cifar10Cli::handle);
    return cli.execute(args);
  }

  private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    String message = e instanceof MlException || e instanceof IllegalArgumentException ? e.getMessage()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
    err.println("cifar10 " + cmd.getCommandName() + ": error: " + message);
    if (verbose) {
      e.printStackTrace(err);
    } else if (!(e instanceof MlException)) {
      err.println("(run with --verbose for the stack trace)");
    }
    err.flush();
    return EXIT_ERROR;
  }
}
