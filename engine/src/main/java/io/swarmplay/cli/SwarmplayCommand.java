package io.swarmplay.cli;

import io.swarmplay.run.ExitStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code swarmplay [-i INVENTORY]... PLAYBOOK... [options]}: the flags, and nothing else —
 * {@link Session} does the work. No heavy library is touched for {@code --help}/{@code --version}.
 */
@Command(name = "swarmplay", sortOptions = false, versionProvider = Version.class, usageHelpAutoWidth = true,
        description = "Runs Ansible-style playbooks against local, SSH and Docker hosts, with a plan preview.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0   ok (also a --check or --plan run with pending changes)",
                "  1   internal error",
                "  2   a host failed",
                "  3   a --plan could not contact a host (none failed): one line per host with the cause",
                "  4   a host was unreachable (none failed; as ansible-playbook), or a load, parse or",
                "      validation error",
                "  5   bad command-line usage (also a --limit or --start-at-task that matches nothing)",
                "  99  interrupted (Ctrl-C or SIGTERM; a second one exits at once)",
                "With --plan --detailed-exitcode: 0 no changes, 2 changes pending, 1 a step would fail;",
                "  3, 4, 5 and 99 as above."})
public final class SwarmplayCommand implements Callable<Integer> {

    @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY",
            description = "inventory file, directory or comma list 'h1,h2,' (repeatable)")
    List<String> inventories = new ArrayList<>();

    @Parameters(paramLabel = "PLAYBOOK", arity = "0..*", description = "playbook files, run in order")
    List<Path> playbooks = new ArrayList<>();

    @Option(names = {"-C", "--check"}, description = "report what would change, change nothing")
    boolean check;

    @Option(names = {"-D", "--diff"}, description = "show differences of files and container settings")
    boolean diff;

    @Option(names = "--force-handlers", description = "run notified handlers even on hosts that failed (as Ansible's)")
    boolean forceHandlers;

    @Option(names = "--flush-cache", description = "accepted for Ansible's sake: swarmplay keeps no fact cache between runs")
    boolean flushCache;

    @Option(names = "--plan", description = "preview every step per host in order; change nothing")
    boolean plan;

    @Option(names = "--offline", description = "with --plan: do not contact any host (state-dependent parts unknown)")
    boolean offline;

    @Option(names = "--detailed-exitcode",
            description = "with --plan: exit 0 when nothing would change, 2 when changes are pending, 1 on a failing step")
    boolean detailedExitcode;

    @Option(names = "--out", paramLabel = "FILE",
            description = "with --plan: also save the plan to FILE, for 'swarmplay apply FILE' and 'swarmplay show FILE'")
    Path saveTo;

    @Option(names = "--json", description = "JSON output: one event per line, or the plan as one document")
    boolean json;

    @Option(names = {"-e", "--extra-vars"}, paramLabel = "VARS",
            description = "key=value, @file.yaml or a JSON mapping; highest precedence (repeatable)")
    List<String> extraVars = new ArrayList<>();

    @Option(names = {"-l", "--limit"}, paramLabel = "PATTERN", description = "only these hosts")
    String limit;

    @Option(names = {"-t", "--tags"}, split = ",", paramLabel = "TAGS", description = "only tasks with these tags")
    List<String> tags = new ArrayList<>();

    @Option(names = "--skip-tags", split = ",", paramLabel = "TAGS", description = "skip tasks with these tags")
    List<String> skipTags = new ArrayList<>();

    @Option(names = "--list-tasks", description = "list the tasks of each play and exit")
    boolean listTasks;

    @Option(names = "--list-hosts", description = "list the hosts of each play and exit")
    boolean listHosts;

    @Option(names = "--list-tags", description = "list the tags of each play and exit")
    boolean listTags;

    @Option(names = "--syntax-check", description = "load and validate everything, run nothing")
    boolean syntaxCheck;

    @Option(names = "--start-at-task", paramLabel = "NAME", description = "start at the first task with this name (glob)")
    String startAtTask;

    static final int DEFAULT_FORKS = 10;

    @Option(names = {"-f", "--forks"}, paramLabel = "N",
            description = "hosts in parallel (default: forks of ansible.cfg or ANSIBLE_FORKS, else " + DEFAULT_FORKS + ")")
    Integer forks;

    @Option(names = "-v", description = "more output: -v results, -vv commands, -vvv stack traces")
    boolean[] verbose = new boolean[0];

    @Option(names = {"-c", "--connection"}, paramLabel = "TYPE", converter = ConnectionType.class,
            description = "connection type where the inventory names none: ssh (also smart, paramiko) or local")
    String connection;

    /** {@code -c}: ansible-playbook's names of the connections swarmplay has; smart and paramiko are ssh. */
    static final class ConnectionType implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return switch (value) {
                case "local" -> "local";
                case "ssh", "smart", "paramiko", "paramiko_ssh" -> "ssh";
                default -> throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a connection swarmplay has: use ssh or local (Docker engines are reached through"
                        + " the host's connection)");
            };
        }
    }

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "log in as USER where the inventory names none")
    String user;

    @Option(names = "--private-key", paramLabel = "FILE", description = "SSH private key where the inventory names none")
    String privateKey;

    @Option(names = {"-T", "--timeout"}, paramLabel = "SECONDS", description = "SSH connect timeout (default 10)")
    Integer timeout;

    @Option(names = {"-b", "--become"}, description = "run commands with sudo (sudo -n) where the inventory does not say")
    boolean become;

    @Option(names = "--become-user", paramLabel = "USER", description = "the user to become (default root)")
    String becomeUser;

    @Option(names = "--vault-password-file", paramLabel = "FILE",
            description = "vault password file, or an executable printing the password (repeatable)")
    List<String> vaultPasswordFiles = new ArrayList<>();

    @Option(names = "--vault-id", paramLabel = "[LABEL@]SOURCE",
            description = "vault password with its vault id: SOURCE is a file, an executable or 'prompt' (repeatable)")
    List<String> vaultIds = new ArrayList<>();

    @Option(names = {"-J", "--ask-vault-pass", "--ask-vault-password"}, description = "ask for the vault password")
    boolean askVaultPass;

    @Option(names = "--wait-lock", paramLabel = "SECONDS", arity = "0..1", preprocessor = OptionalSeconds.class,
            description = "wait (up to SECONDS; without: as long as it takes) for hosts another swarmplay run is "
                    + "changing, instead of failing them")
    Long waitLock;

    /** {@code --wait-lock PLAYBOOK}: the value is optional, so only a number that follows is taken as it. */
    static final class OptionalSeconds implements CommandLine.IParameterPreprocessor {
        @Override
        public boolean preprocess(java.util.Stack<String> args, CommandLine.Model.CommandSpec spec,
                                  CommandLine.Model.ArgSpec option, java.util.Map<String, Object> info) {
            boolean attached = !" ".equals(info.get("separator"));
            if (attached || (!args.isEmpty() && args.peek().matches("\\d+"))) return false;
            option.setValue(-1L);
            return true;
        }
    }

    @Option(names = "--timings", description = "show how long each task took on each host (not in Ansible's output)")
    boolean timings;

    @Option(names = "--no-color", description = "no colours (also when NO_COLOR is set or output is not a terminal)")
    boolean noColor;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "print the version and exit")
    boolean version;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Set by {@code apply FILE}: receives the plan made again, instead of printing it. */
    java.util.function.Consumer<Session.Planned> planSink;

    /** Set by {@code apply FILE}: the saved plan's absolute path, which is no input of the plan made again. */
    String planFile;

    private PrintWriter out;
    private PrintWriter err;

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        SwarmplayCommand command = new SwarmplayCommand();
        command.out = out;
        command.err = err;
        CommandLine cli = new CommandLine(command);
        // `-e @vars.yaml` names a vars file, as in ansible-playbook; picocli must not read it as an argument file
        cli.setExpandAtFiles(false);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, args) -> {
            err.println("error: " + ex.getMessage());
            err.println("  run 'swarmplay --help' for the options");
            return ExitStatus.USAGE.code();
        });
        return cli;
    }

    @Override
    public Integer call() {
        if (playbooks.isEmpty()) {
            err.println("error: no playbook given");
            err.println("  usage: swarmplay -i inventory.yaml playbook.yaml [--plan|--check]");
            return ExitStatus.USAGE.code();
        }
        return new Session(this, out, err).run().code();
    }

    /** {@code -c}, {@code -u}, {@code --private-key}, {@code -T}, {@code -b}: defaults below every inventory variable. */
    java.util.Map<String, Object> connectionDefaults() {
        java.util.Map<String, Object> defaults = new java.util.LinkedHashMap<>();
        if (connection != null) defaults.put("ansible_connection", connection);
        if (user != null) defaults.put("ansible_user", user);
        if (privateKey != null) defaults.put("ansible_ssh_private_key_file", privateKey);
        if (timeout != null) defaults.put("ansible_timeout", timeout);
        if (become) defaults.put("ansible_become", true);
        if (becomeUser != null) defaults.put("ansible_become_user", becomeUser);
        return defaults;
    }

    /** {@code --wait-lock}: null when not given; without SECONDS, without limit. */
    java.time.Duration waitLock() {
        if (waitLock == null) return null;
        if (waitLock < 0) return java.time.temporal.ChronoUnit.FOREVER.getDuration();
        return java.time.Duration.ofSeconds(waitLock);
    }

    /** The command line as given (for a saved plan). */
    List<String> originalArgs() {
        return spec == null ? List.of() : spec.commandLine().getParseResult().originalArgs();
    }

    int verbosity() {
        return verbose.length;
    }
}
