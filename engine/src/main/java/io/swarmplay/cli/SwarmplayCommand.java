package io.swarmplay.cli;

import io.swarmplay.run.ExitStatus;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code swarmplay [-i INVENTORY]... PLAYBOOK... [options]}: the flags, and nothing else —
 * {@link Session} does the work. No heavy library is touched for {@code --help}/{@code --version}.
 *
 * <p>The options are one table, {@link #model}, built with picocli's programmatic API: picocli's
 * annotation scan (a reflective proxy per annotation, the largest part of every run's start-up
 * before this) is never run. The fields below are what {@link Session} reads.
 */
public final class SwarmplayCommand implements Callable<Integer> {

    static final int DEFAULT_FORKS = 10;

    List<String> inventories = new ArrayList<>();
    List<Path> playbooks = new ArrayList<>();
    boolean check;
    boolean diff;
    boolean forceHandlers;
    boolean flushCache;
    boolean plan;
    boolean offline;
    boolean detailedExitcode;
    Path saveTo;
    boolean json;
    List<String> extraVars = new ArrayList<>();
    String limit;
    List<String> tags = new ArrayList<>();
    List<String> skipTags = new ArrayList<>();
    boolean listTasks;
    boolean listHosts;
    boolean listTags;
    boolean syntaxCheck;
    String startAtTask;
    Integer forks;
    boolean[] verbose = new boolean[0];
    String connection;
    String user;
    String privateKey;
    Integer timeout;
    boolean become;
    String becomeUser;
    List<String> vaultPasswordFiles = new ArrayList<>();
    List<String> vaultIds = new ArrayList<>();
    boolean askVaultPass;
    Long waitLock;
    boolean timings;
    boolean noColor;
    boolean version;
    boolean help;

    CommandSpec spec;

    /** The command's options, positional parameters and help, in the order {@code --help} shows them. */
    static CommandSpec model(SwarmplayCommand c) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(c);
        spec.name("swarmplay").versionProvider(new Version());
        spec.usageMessage().sortOptions(false).autoWidth(true)
                .description("Runs Ansible-style playbooks against local, SSH and Docker hosts, with a plan preview.")
                .footerHeading("%nExit codes:%n")
                .footer("  0   ok (also a --check or --plan run with pending changes)",
                        "  1   internal error",
                        "  2   a host failed",
                        "  3   a --plan could not contact a host (none failed): one line per host with the cause",
                        "  4   a host was unreachable (none failed; as ansible-playbook), or a load, parse or",
                        "      validation error",
                        "  5   bad command-line usage (also a --limit or --start-at-task that matches nothing)",
                        "  99  interrupted (Ctrl-C or SIGTERM; a second one exits at once)",
                        "With --plan --detailed-exitcode: 0 no changes, 2 changes pending, 1 a step would fail;",
                        "  3, 4, 5 and 99 as above.");
        CliOptions o = new CliOptions(spec);
        CliOptions.Binding<List<Path>> playbooks = CliOptions.binding(() -> c.playbooks, v -> c.playbooks = v);
        CliOptions.Binding<boolean[]> verbose = CliOptions.binding(() -> c.verbose, v -> c.verbose = v);
        o.list("INVENTORY", "inventory file, directory or comma list 'h1,h2,' (repeatable)",
                () -> c.inventories, v -> c.inventories = v, "-i", "--inventory");
        spec.addPositional(PositionalParamSpec.builder().index("0..*").arity("0..*").paramLabel("PLAYBOOK")
                .description("playbook files, run in order").descriptionKey("").type(List.class).auxiliaryTypes(Path.class)
                .initialValue(new ArrayList<>()).hasInitialValue(true).setter(playbooks).getter(playbooks).build());
        o.flag("check", "report what would change, change nothing", v -> c.check = v, "-C", "--check");
        o.flag("diff", "show differences of files and container settings", v -> c.diff = v, "-D", "--diff");
        o.flag("forceHandlers", "run notified handlers even on hosts that failed (as Ansible's)",
                v -> c.forceHandlers = v, "--force-handlers");
        o.flag("flushCache", "clear the fact cache (fact_caching) for every host in inventory",
                v -> c.flushCache = v, "--flush-cache");
        o.flag("plan", "preview every step per host in order; change nothing", v -> c.plan = v, "--plan");
        o.flag("offline", "with --plan: do not contact any host (state-dependent parts unknown)",
                v -> c.offline = v, "--offline");
        o.flag("detailedExitcode",
                "with --plan: exit 0 when nothing would change, 2 when changes are pending, 1 on a failing step",
                v -> c.detailedExitcode = v, "--detailed-exitcode");
        o.value(Path.class, "FILE",
                "with --plan: also save the plan to FILE, for 'swarmplay apply FILE' and 'swarmplay show FILE'",
                () -> c.saveTo, v -> c.saveTo = v, "--out");
        o.flag("json", "JSON output: one event per line, or the plan as one document", v -> c.json = v, "--json");
        o.list("VARS", "key=value, @file.yaml or a JSON mapping; highest precedence (repeatable)",
                () -> c.extraVars, v -> c.extraVars = v, "-e", "--extra-vars");
        o.value(String.class, "PATTERN", "only these hosts", () -> c.limit, v -> c.limit = v, "-l", "--limit");
        o.commaList("TAGS", "only tasks with these tags", () -> c.tags, v -> c.tags = v, "-t", "--tags");
        o.commaList("TAGS", "skip tasks with these tags", () -> c.skipTags, v -> c.skipTags = v, "--skip-tags");
        o.flag("listTasks", "list the tasks of each play and exit", v -> c.listTasks = v, "--list-tasks");
        o.flag("listHosts", "list the hosts of each play and exit", v -> c.listHosts = v, "--list-hosts");
        o.flag("listTags", "list the tags of each play and exit", v -> c.listTags = v, "--list-tags");
        o.flag("syntaxCheck", "load and validate everything, run nothing", v -> c.syntaxCheck = v, "--syntax-check");
        o.value(String.class, "NAME", "start at the first task with this name (glob)",
                () -> c.startAtTask, v -> c.startAtTask = v, "--start-at-task");
        o.value(Integer.class, "N", "hosts in parallel (default: forks of ansible.cfg or ANSIBLE_FORKS, else "
                + DEFAULT_FORKS + ")", () -> c.forks, v -> c.forks = v, "-f", "--forks");
        spec.addOption(OptionSpec.builder("-v").paramLabel("<verbose>").arity("0").type(boolean[].class)
                .auxiliaryTypes(boolean.class).initialValue(new boolean[0]).hasInitialValue(true)
                .description("more output: -v results, -vv commands, -vvv stack traces").descriptionKey("")
                .setter(verbose).getter(verbose).build());
        o.add(o.valueOption(String.class, "TYPE",
                "connection type where the inventory names none: ssh (also smart, paramiko) or local",
                () -> c.connection, v -> c.connection = v, "-c", "--connection").converters(new ConnectionType()));
        o.value(String.class, "USER", "log in as USER where the inventory names none",
                () -> c.user, v -> c.user = v, "-u", "--user");
        o.value(String.class, "FILE", "SSH private key where the inventory names none",
                () -> c.privateKey, v -> c.privateKey = v, "--private-key");
        o.value(Integer.class, "SECONDS", "SSH connect timeout (default 10)",
                () -> c.timeout, v -> c.timeout = v, "-T", "--timeout");
        o.flag("become", "run commands with sudo (sudo -n) where the inventory does not say", v -> c.become = v,
                "-b", "--become");
        o.value(String.class, "USER", "the user to become (default root)",
                () -> c.becomeUser, v -> c.becomeUser = v, "--become-user");
        o.list("FILE", "vault password file, or an executable printing the password (repeatable)",
                () -> c.vaultPasswordFiles, v -> c.vaultPasswordFiles = v, "--vault-password-file");
        o.list("[LABEL@]SOURCE",
                "vault password with its vault id: SOURCE is a file, an executable or 'prompt' (repeatable)",
                () -> c.vaultIds, v -> c.vaultIds = v, "--vault-id");
        o.flag("askVaultPass", "ask for the vault password", v -> c.askVaultPass = v,
                "-J", "--ask-vault-pass", "--ask-vault-password");
        o.add(o.valueOption(Long.class, "SECONDS", "wait (up to SECONDS; without: as long as it takes) for hosts another "
                        + "swarmplay run is changing, instead of failing them", () -> c.waitLock, v -> c.waitLock = v,
                "--wait-lock").arity("0..1").preprocessor(new OptionalSeconds()));
        o.flag("timings", "show how long each task took on each host (not in Ansible's output)", v -> c.timings = v,
                "--timings");
        o.flag("noColor", "no colours (also when NO_COLOR is set or output is not a terminal)", v -> c.noColor = v,
                "--no-color");
        o.add(o.flagOption("version", "print the version and exit", v -> c.version = v, "-V", "--version")
                .versionHelp(true));
        o.add(o.flagOption("help", "show this help and exit", v -> c.help = v, "-h", "--help").usageHelp(true));
        return spec;
    }

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
        command.spec = model(command);
        CommandLine cli = new CommandLine(command.spec);
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
