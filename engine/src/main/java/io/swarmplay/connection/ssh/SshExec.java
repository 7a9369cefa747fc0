package io.swarmplay.connection.ssh;

import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one shell line on one session channel: stdout and stderr drained concurrently (so a full
 * pipe never stalls the other), stdin written then closed (EOF), and an optional time limit
 * after which the process gets SIGKILL and the channel is closed.
 */
final class SshExec {

    /**
     * What the remote process left.
     *
     * @param rc       exit status; 128 + the signal number when killed by a signal; -1 when unknown
     * @param signal   the signal's name ({@code TERM}) or null
     * @param timedOut whether the time limit closed the channel
     * @param stderr   everything written to stderr
     */
    record Raw(int rc, String signal, boolean timedOut, byte[] stderr) {
    }

    private static final Map<String, Integer> SIGNALS = Map.ofEntries(Map.entry("HUP", 1), Map.entry("INT", 2),
            Map.entry("QUIT", 3), Map.entry("ILL", 4), Map.entry("ABRT", 6), Map.entry("FPE", 8), Map.entry("KILL", 9),
            Map.entry("USR1", 10), Map.entry("SEGV", 11), Map.entry("USR2", 12), Map.entry("PIPE", 13),
            Map.entry("ALRM", 14), Map.entry("TERM", 15));

    private final ExecutorService pool;

    SshExec(ExecutorService pool) {
        this.pool = pool;
    }

    /** Runs {@code line}; {@code stdin} may be null (EOF at once); {@code timeout} null means no limit. */
    Raw run(SSHClient client, String line, InputStream stdin, OutputStream stdout, Duration timeout)
            throws IOException {
        try (Session session = client.startSession()) {
            Session.Command cmd = session.exec(line);
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            Future<?> out = pool.submit(() -> copy(cmd.getInputStream(), stdout));
            Future<?> err = pool.submit(() -> copy(cmd.getErrorStream(), stderr));
            pool.submit(() -> feed(stdin, cmd.getOutputStream()));
            boolean timedOut = !finished(client, cmd, timeout);
            if (timedOut) kill(cmd);
            await(out);
            await(err);
            return result(cmd, timedOut, stderr.toByteArray());
        }
    }

    private static boolean finished(SSHClient client, Session.Command cmd, Duration timeout) throws IOException {
        if (timeout == null) {
            cmd.join();
            return true;
        }
        try {
            cmd.join(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (net.schmizz.sshj.connection.ConnectionException e) {
            // a time-out leaves the channel open on a live connection; anything else is an error
            if (!cmd.isOpen() || !client.isConnected()) throw e;
            return false;
        }
    }

    private static void kill(Session.Command cmd) {
        try {
            cmd.signal(Signal.KILL);
        } catch (IOException | RuntimeException ignored) {
            // the close below ends the channel either way
        }
        try {
            cmd.close();
        } catch (IOException | RuntimeException ignored) {
            // already closing
        }
    }

    private static Raw result(Session.Command cmd, boolean timedOut, byte[] stderr) {
        Integer status = cmd.getExitStatus();
        Signal signal = cmd.getExitSignal();
        String name = signal == null ? null : signal.name();
        int rc = status != null ? status : name != null && SIGNALS.containsKey(name) ? 128 + SIGNALS.get(name) : -1;
        return new Raw(rc, name, timedOut, stderr);
    }

    private static Void copy(InputStream in, OutputStream out) throws IOException {
        try (in) {
            in.transferTo(out);
        }
        out.flush();
        return null;
    }

    private static Void feed(InputStream stdin, OutputStream remote) {
        try (remote) {
            if (stdin != null) stdin.transferTo(remote);
        } catch (IOException ignored) {
            // the process closed its stdin early or the channel ended: its exit status tells the story
        }
        return null;
    }

    private static void await(Future<?> drain) throws IOException {
        try {
            drain.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException(e.getCause());
        } catch (TimeoutException e) {
            drain.cancel(true);
            throw new IOException("output did not end within 30 s after the command finished");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
