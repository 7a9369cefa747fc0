package io.swarmplay.connection.ssh;

import io.swarmplay.connection.Become;
import io.swarmplay.connection.Command;
import io.swarmplay.connection.ShellQuote;
import io.swarmplay.connection.Connection;
import io.swarmplay.connection.ConnectionSettings;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileAttrs;
import io.swarmplay.connection.FileStat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Connection} over one persistent SSH connection (sshj), opened on first use.
 *
 * <p>Commands run as one shell line per session channel ({@link RemoteCommand}); with
 * {@code ansible_become} they run through {@code sudo -n}. Files move over SFTP, or through
 * {@code cat}/{@code mv} commands under become. Thread-safe; concurrent channels are capped at
 * {@code ssh_max_sessions} (default 10, sshd's {@code MaxSessions} default).
 *
 * <p>A command that outlives its time limit, or runs when {@link #cancel()} is called, is killed
 * with everything it started ({@link SshExec}). Temp files of writes cut off are removed by later
 * writes ({@link TempFiles}).
 *
 * <p>Failures: an unreachable host, a refused key or host key, or a connection that dropped is a
 * {@link io.swarmplay.connection.ConnectionException} naming the host; a dropped connection is
 * not re-established (see {@link SshLink}). A command that needs a sudo password returns a failed
 * {@link ExecResult} whose stderr says so; file operations throw {@link UncheckedIOException}.
 */
public final class SshConnection implements Connection, io.swarmplay.connection.UnixSocketForwarding {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final SshOptions options;
    private final SshLink link;
    private final ExecutorService pool;
    private final SshExec exec;
    private final SshFiles files;
    private final java.util.Map<String, SocketForwarder> forwarders = new java.util.concurrent.ConcurrentHashMap<>();

    /** Resolves the settings; does not connect. */
    public SshConnection(ConnectionSettings settings) {
        this.options = resolve(settings);
        this.link = new SshLink(options);
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ssh-io-" + options.hostName() + "-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.exec = new SshExec(pool, this::killTagged, options.hostName());
        this.files = new SshFiles(this, link, options);
    }

    private static SshOptions resolve(ConnectionSettings settings) {
        try {
            return SshOptions.from(settings);
        } catch (IllegalArgumentException e) {
            throw new io.swarmplay.connection.ConnectionException("cannot connect to " + settings.hostName() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public ExecResult exec(Command command) {
        InputStream stdin = command.stdin() == null ? null : new ByteArrayInputStream(command.stdin());
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        long start = System.nanoTime();
        SshExec.Raw raw = run(RemoteCommand.line(command, options.escalation()), stdin, stdout, command.timeout());
        String err = new String(raw.stderr(), StandardCharsets.UTF_8);
        if (options.become() && RemoteCommand.sudoNeedsPassword(raw.rc(), err)) err = sudoPasswordMessage();
        return new ExecResult(raw.rc(), stdout.toString(StandardCharsets.UTF_8), err, raw.signal(), raw.timedOut(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Ansible's {@code SSH: EXEC ssh ... '<line>'}, the line without its kill tag. */
    @Override
    public String shownExec(Command command) {
        Become become = options.escalation();
        String line = (become == null ? command : become.wrap(command)).toShellLine();
        return "SSH: EXEC ssh -p " + options.port() + (options.user() == null ? "" : " -l " + options.user())
                + " " + options.address() + " " + ShellQuote.quote("/bin/sh -c " + ShellQuote.quote(line));
    }

    /**
     * Runs a tagged line ({@link RemoteCommand}), streaming stdout; I/O failures become unchecked.
     * The time limit counts from this call: connecting and waiting for a session slot use it up too.
     */
    SshExec.Raw run(RemoteCommand.Tagged line, InputStream stdin, OutputStream stdout, Duration timeout) {
        long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        try {
            return link.withSession(c -> exec.run(c, line, stdin, stdout,
                    timeout == null ? null : Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))));
        } catch (IOException e) {
            throw new UncheckedIOException("command on " + options.hostName() + " failed: " + link.explain(e), e);
        }
    }

    /** Runs a POSIX script through become when set, tagged, streaming stdout. */
    SshExec.Raw runScript(String script, InputStream stdin, OutputStream stdout, Duration timeout) {
        return run(RemoteCommand.script(script, options.escalation()), stdin, stdout, timeout);
    }

    /**
     * Kills every process tagged {@code tag}, as the command's user, on a channel outside the session
     * limit: the commands holding the slots may be the ones to kill. Bounded; never throws.
     */
    private void killTagged(String tag) {
        try {
            link.outsideLimit(c -> exec.runUntracked(c, RemoteCommand.killLine(tag, options.escalation()),
                    SshExec.KILL_LIMIT));
        } catch (IOException | RuntimeException ignored) {
            // the connection is gone, so nothing more can be done from here, or sshd refused the channel
        }
    }

    @Override
    public void connect() {
        link.client();
    }

    /** Stops every running command and file transfer on this connection and refuses new ones. */
    @Override
    public void cancel() {
        exec.cancel();
        files.cancel();
    }

    /** Serves {@code remoteSocket} (e.g. the Docker socket) on a private local unix socket, one per remote path. */
    @Override
    public java.nio.file.Path forwardUnixSocket(String remoteSocket) {
        return forwarders.computeIfAbsent(remoteSocket, this::forwarder).socket();
    }

    private SocketForwarder forwarder(String remoteSocket) {
        try {
            SocketForwarder forwarder = new SocketForwarder(remoteSocket, link::client, pool);
            try {
                forwarder.probe();
            } catch (RuntimeException e) {
                forwarder.close();
                throw e;
            }
            return forwarder;
        } catch (IOException e) {
            throw new io.swarmplay.connection.ConnectionException("cannot serve " + remoteSocket + " of "
                    + options.hostName() + " locally: " + e.getMessage(), e);
        }
    }

    String sudoPasswordMessage() {
        return "sudo on " + options.hostName() + " needs a password: give the login user NOPASSWD sudo or log in as root";
    }

    @Override
    public Optional<FileStat> stat(String path) {
        return files.stat(path);
    }

    @Override
    public Optional<String> sha256(String path) {
        return files.sha256(path);
    }

    @Override
    public void read(String path, OutputStream sink) {
        files.read(path, sink);
    }

    @Override
    public void write(String path, InputStream content, FileAttrs attrs) {
        files.write(path, content, attrs == null ? FileAttrs.DEFAULT : attrs);
    }

    @Override
    public String describe() {
        return "ssh " + options.target();
    }

    @Override
    public void close() {
        forwarders.values().forEach(SocketForwarder::close);
        forwarders.clear();
        try {
            link.close();
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
