package io.swarmplay.run;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.Connection;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileAttrs;
import io.swarmplay.connection.FileStat;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ReadOnlyHost;
import io.swarmplay.module.ValueUnknownException;
import io.swarmplay.source.SourcePosition;
import io.swarmplay.template.TemplateException;
import io.swarmplay.template.Templar;
import io.swarmplay.template.Unknown;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The host as one step sees it: a connection (opened on first use), the step's variables for
 * expressions and templates, and the task's {@code environment} and {@code timeout}, which are
 * added to every command so modules need not know about them.
 */
final class RunHostSession implements HostSession {

    private final String hostName;
    private final Supplier<Connection> connection;
    private final Extensions extensions;
    private final Map<String, Object> vars;
    private final Templar templar;
    private final SourcePosition at;
    private final Path playbookDir;
    /** Where files named by a relative path are looked for ({@code ansible_search_path}): roles, the task's file, the playbook. */
    private final List<Path> searchPath;
    private final Map<String, String> environment;
    private final TaskTimeout timeout;
    private final Consumer<String> progress;
    /** Takes Ansible's {@code -vvv} line for each command run ({@link Connection#shownExec}). */
    private final Consumer<String> execShown;
    /** What {@link #execShown} shows in place of each command, or null to show the command itself ({@link #shownInstead}). */
    private final Command shownInstead;
    private final int verbosity;

    /** How a session reaches its host's extensions (e.g. the Docker endpoint). */
    interface Extensions {
        <T> Optional<T> get(Class<T> type);

        /** The read-only view of the extension of read-only type {@code type} (for plan), or empty. */
        <T> Optional<T> readOnly(Class<T> type);

        /** The extension of read-only type {@code type} as on a fresh host (for an offline plan), or empty. */
        <T> Optional<T> fresh(Class<T> type);

        /** Offline plan: whether an earlier step of the plan writes {@code path} on this host. */
        boolean writtenEarlier(String path);

        /** Whether the host is the control node itself ({@code ansible_connection: local}). */
        boolean controlNode();

        /** Whether the rendered argument {@code argument} is host data or {@code !unsafe} text. */
        default boolean isData(String argument) {
            return false;
        }

        /** Whether anything reads the step's result data ({@link io.swarmplay.module.HostView#resultRead}). */
        default boolean resultRead() {
            return true;
        }

        /** Whether the step runs as an async job ({@link io.swarmplay.module.HostSession#asyncJob}). */
        default boolean asyncJob() {
            return false;
        }

        /** The session of another inventory host for this step, or empty when there is none. */
        Optional<RunHostSession> otherHost(String name);
    }

    RunHostSession(String hostName, Supplier<Connection> connection, Extensions extensions, Map<String, Object> vars,
                   Templar templar,
                   SourcePosition at, Path playbookDir, List<Path> searchPath, Map<String, String> environment,
                   TaskTimeout timeout, Consumer<String> progress, Consumer<String> execShown,
                   Command shownInstead, int verbosity) {
        this.hostName = hostName;
        this.connection = connection;
        this.extensions = extensions;
        this.vars = vars;
        this.templar = templar;
        this.at = at;
        this.playbookDir = playbookDir;
        this.searchPath = List.copyOf(searchPath);
        this.environment = environment;
        this.timeout = timeout;
        this.progress = progress;
        this.execShown = execShown;
        this.shownInstead = shownInstead;
        this.verbosity = verbosity;
    }

    /** This host as {@code plan} sees it: read-only by type (see {@link ReadOnlyHost}). */
    io.swarmplay.module.HostView readOnly() {
        return planView(false);
    }

    /**
     * What {@code plan} gets: this host read-only, or under {@code --offline} the same host as a
     * fresh, empty one that is never contacted ({@link ReadOnlyHost.Basis#FRESH}), unless it is the
     * control node, whose files and commands are read as usual. Other hosts it hands out alike.
     */
    io.swarmplay.module.HostView planView(boolean offline) {
        boolean fresh = offline && !extensions.controlNode();
        return new ReadOnlyHost(this, new ReadOnlyHost.Services() {
            @Override
            public <T> Optional<T> readOnly(Class<T> type) {
                return fresh ? extensions.fresh(type) : extensions.readOnly(type);
            }

            @Override
            public Optional<io.swarmplay.module.HostView> otherHost(String name) {
                return extensions.otherHost(name).map(other -> other.planView(offline));
            }

            @Override
            public boolean writtenEarlier(String path) {
                return extensions.writtenEarlier(path);
            }
        }, fresh ? ReadOnlyHost.Basis.FRESH : ReadOnlyHost.Basis.LIVE);
    }

    @Override
    public String name() {
        return hostName;
    }

    @Override
    public ExecResult probe(Command command) {
        return exec(command);
    }

    @Override
    public ExecResult run(Command command) {
        return exec(command);
    }

    /** Runs {@code command} as {@link #run} does, but whatever is left of the task's timeout (an async job's bookkeeping). */
    ExecResult runUntimed(Command command) {
        return execShown(command);
    }

    /**
     * What the {@code EXEC} lines of a module's commands show in place of each command: null for a
     * module whose commands Ansible shows ({@code raw}, {@code script}); else the module's name, as
     * Ansible shows only the module file it runs, never the arguments in it.
     */
    static Command shownInstead(io.swarmplay.module.ModuleInfo module) {
        return module.commandsShown() ? null : Command.shell("(" + module.name() + " module)");
    }

    /** The one place a step's command reaches the host: shown first, as Ansible's {@code EXEC} line. */
    private ExecResult execShown(Command command) {
        Connection host = connection.get();
        execShown.accept(host.shownExec(shownInstead == null ? command : shownInstead));
        return host.exec(command);
    }

    /** Runs {@code command} with the task's environment, and within the task's timeout when it has one. */
    private ExecResult exec(Command command) {
        Command prepared = environment.isEmpty() ? command : command.withEnv(withCommandEnv(command.env()));
        if (connection.get().onControlNode()) {
            prepared = prepared.inDirectory(onHost(command.chdir() == null ? "." : command.chdir()));
        }
        if (timeout == null) return execShown(prepared);
        timeout.check(hostName, "'" + command + "'");
        Command bounded = timeout.bound(prepared);
        ExecResult result = execShown(bounded);
        if (timeout.stopped(command, result)) throw timeout.killed(hostName, command, result);
        return result;
    }

    /** Fails before a file operation once the task's timeout has run out. */
    private void checkTimeout(String what) {
        if (timeout != null) timeout.check(hostName, what);
    }

    // on the control node, Ansible runs modules in the playbook's directory: relative paths start there
    private String onHost(String path) {
        if (!connection.get().onControlNode() || path.startsWith("/") || path.startsWith("~")) return path;
        return playbookDir.toAbsolutePath().resolve(path).normalize().toString();
    }

    // the command's own variables win over the task's environment
    private Map<String, String> withCommandEnv(Map<String, String> own) {
        Map<String, String> merged = new java.util.LinkedHashMap<>(environment);
        merged.putAll(own);
        return merged;
    }

    @Override
    public Optional<FileStat> stat(String path) {
        checkTimeout("stat of " + path);
        return connection.get().stat(onHost(path));
    }

    @Override
    public Optional<String> sha256(String path) {
        checkTimeout("checksum of " + path);
        return connection.get().sha256(onHost(path));
    }

    @Override
    public void readInto(String path, OutputStream sink) {
        checkTimeout("reading " + path);
        try {
            connection.get().read(onHost(path), sink);
        } catch (UncheckedIOException e) {
            throw new ModuleException(e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage() : "cannot read " + path);
        }
    }

    @Override
    public void write(String path, InputStream content, FileAttrs attrs) {
        checkTimeout("writing " + path);
        connection.get().write(onHost(path), content, attrs);
    }

    @Override
    public Object evaluate(String expression) {
        Object value = templar.evaluate(expression, vars, at);
        if (value instanceof Unknown unknown) throw new ValueUnknownException(describe(unknown));
        return value;
    }

    @Override
    public int verbosity() {
        return verbosity;
    }

    @Override
    public boolean nativeTypes() {
        return templar.nativeTypes();
    }

    @Override
    public String undefinedReason(String expression) {
        try {
            evaluate(expression);
            return null;
        } catch (TemplateException e) {
            return e.undefined() ? TemplateMessages.twice(e.summary()) : null;
        } catch (ValueUnknownException e) {
            return null;
        }
    }

    @Override
    public boolean isData(String argument) {
        return extensions.isData(argument);
    }

    @Override
    public boolean resultRead() {
        return extensions.resultRead();
    }

    @Override
    public boolean asyncJob() {
        return extensions.asyncJob();
    }

    @Override
    public boolean test(String expression) {
        return switch (templar.test(expression, vars, at)) {
            case TRUE -> true;
            case FALSE -> false;
            case UNKNOWN -> throw new ValueUnknownException("'" + expression + "' depends on a value known after apply");
        };
    }

    static String describe(Unknown unknown) {
        return "depends on " + unknown.origin() + " (known after apply)";
    }

    /**
     * Ansible's {@code path_dwim_relative_stack}: for each directory of the search path (the
     * roles', innermost first, the task file's, the playbook's), {@code DIR/KIND/path} then
     * {@code DIR/path}; then {@code KIND/} beside the playbook's directory.
     */
    @Override
    public Path controlFile(String path, String kind) {
        Path given = Path.of(path);
        if (given.isAbsolute()) return given;
        List<Path> candidates = new java.util.ArrayList<>();
        for (Path dir : searchPath) {
            if (!path.startsWith(kind + "/")) candidates.add(dir.resolve(kind).resolve(path).normalize());
            candidates.add(dir.resolve(path).normalize());
        }
        // swarmplay's own last resort (kept from before roles): KIND/ beside the playbook's directory
        candidates.add(playbookDir.resolve("..").resolve(kind).resolve(path).normalize());
        for (Path candidate : candidates) {
            if (Files.exists(candidate)) return candidate;
        }
        throw ModuleException.notOnController(path, candidates.stream().map(Path::toString).toList());
    }

    @Override
    public String renderTemplate(Path template) {
        return renderTemplate(template, java.util.function.UnaryOperator.identity(), Map.of());
    }

    @Override
    public String renderTemplate(Path template, java.util.function.UnaryOperator<String> syntax,
                                 Map<String, Object> templateVars) {
        try {
            String text = syntax.apply(Files.readString(template));
            Map<String, Object> all = new java.util.LinkedHashMap<>(vars);
            all.putAll(templateVars);
            String rendered = templar.renderText(text, all, new SourcePosition(template, 1, 1));
            // the templar answers null when the text depends on a value known only after apply
            if (rendered == null) throw new ValueUnknownException("template " + template.getFileName()
                    + " depends on a value known after apply");
            return rendered;
        } catch (IOException e) {
            throw new ModuleException("cannot read template " + template + ": " + e.getMessage());
        }
    }

    @Override
    public io.swarmplay.module.HostView otherHost(String name) {
        return extensions.otherHost(name).orElseThrow(() ->
                new ModuleException("there is no inventory host '" + name + "'"));
    }

    @Override
    public <T> Optional<T> extension(Class<T> type) {
        return extensions.get(type);
    }

    @Override
    public void progress(String message) {
        progress.accept(message);
    }
}
