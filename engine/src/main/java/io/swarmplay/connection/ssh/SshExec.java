package io.swarmplay.connection.ssh;

import io.swarmplay.connection.CancelledException;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one shell line on one session channel: stdout and stderr drained concurrently (so a full
 * pipe never stalls the other), stdin written then closed (EOF), and an optional time limit.
 *
 * <p>A command that outlives its limit, or is running when {@link #cancel()} is called, is
 * stopped: sshd is asked to send SIGKILL to the command's process group (OpenSSH's {@code signal}
 * request), and the {@link Killer} kills, over another channel, every process carrying the
 * command's tag (what sudo started in a session of its own, children that left the group). The
 * call then returns within {@link #GRACE_MS} of the limit (or of the cancel), whatever the server
 * does; output read until then is kept.
 */
final class SshExec {

    /**
     * What the remote process left.
     *
     * @param rc       exit status; 128 + the signal number when killed by a signal; -1 when unknown
     * @param signal   the signal's name ({@code TERM}) or null
     * @param timedOut whether the time limit stopped the command
     * @param stderr   everything written to stderr
     */
    record Raw(int rc, String signal, boolean timedOut, byte[] stderr) {
    }

    /** Kills every process carrying a tag; bounded in time; never throws. */
    interface Killer {
        void kill(String tag);
    }

    /** How long a stopped command may take to end, and its output to drain, before the call returns anyway. */
    static final long GRACE_MS = 2000;
    /** How long the kill line may run. */
    static final Duration KILL_LIMIT = Duration.ofSeconds(5);
    private static final long SLICE_MS = 100;

    private static final Map<String, Integer> SIGNALS = Map.ofEntries(Map.entry("HUP", 1), Map.entry("INT", 2),
            Map.entry("QUIT", 3), Map.entry("ILL", 4), Map.entry("ABRT", 6), Map.entry("FPE", 8), Map.entry("KILL", 9),
            Map.entry("USR1", 10), Map.entry("SEGV", 11), Map.entry("USR2", 12), Map.entry("PIPE", 13),
            Map.entry("ALRM", 14), Map.entry("TERM", 15));

    private final ExecutorService pool;
    private final Killer killer;
    private final String hostName;
    private final Set<Running> running = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    SshExec(ExecutorService pool, Killer killer, String hostName) {
        this.pool = pool;
        this.killer = killer;
        this.hostName = hostName;
    }

    /** A command on its channel, with its tag (null for untracked lines); {@code stop} happens once. */
    private static final class Running {
        final Session.Command cmd;
        final String tag;
        final String shown;
        final AtomicBoolean stopped = new AtomicBoolean();
        final java.util.concurrent.CountDownLatch stopDone = new java.util.concurrent.CountDownLatch(1);
        volatile boolean cancelled;

        Running(Session.Command cmd, String tag, String shown) {
            this.cmd = cmd;
            this.tag = tag;
            this.shown = shown.length() > 200 ? shown.substring(0, 200) + "..." : shown;
        }
    }

    /**
     * Runs a tagged line ({@link RemoteCommand}); {@code stdin} may be null (EOF at once);
     * {@code timeout} null means no limit.
     *
     * @throws CancelledException when {@link #cancel()} stopped it, or was called before
     */
    Raw run(SSHClient client, RemoteCommand.Tagged line, InputStream stdin, OutputStream stdout, Duration timeout)
            throws IOException {
        if (cancelled) throw new CancelledException("interrupted: not starting '" + line.shown() + "' on " + hostName);
        Session session = client.startSession();
        Running r = null;
        try {
            r = new Running(session.exec(line.text()), line.tag(), line.shown());
            running.add(r);
            if (cancelled) stop(r, true);
            return await(client, r, stdin, stdout, timeout);
        } finally {
            if (r != null) running.remove(r);
            close(session, r == null || !r.stopped.get());
        }
    }

    /** Runs an internal line that carries no tag and is never cancelled (the kill line itself); on time-out it is only signalled. */
    Raw runUntracked(SSHClient client, String line, Duration timeout) throws IOException {
        Session session = client.startSession();
        Running r = null;
        try {
            r = new Running(session.exec(line), null, line);
            return await(client, r, null, OutputStream.nullOutputStream(), timeout);
        } finally {
            close(session, r == null || !r.stopped.get());
        }
    }

    /** Stops every running command and refuses new ones; returns without waiting for them to end. */
    void cancel() {
        cancelled = true;
        for (Running r : running) {
            r.cancelled = true;
            pool.submit(() -> stop(r, true));
        }
    }

    private Raw await(SSHClient client, Running r, InputStream stdin, OutputStream stdout, Duration timeout)
            throws IOException {
        Session.Command cmd = r.cmd;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Future<?> out = pool.submit(() -> copy(cmd.getInputStream(), stdout));
        Future<?> err = pool.submit(() -> copy(cmd.getErrorStream(), stderr));
        pool.submit(() -> feed(stdin, cmd.getOutputStream()));
        boolean ended = ended(client, r, timeout);
        if (!ended) {
            stop(r, false);
            settle(cmd);
        }
        drain(out, err, !ended);
        if (r.cancelled) throw new CancelledException("interrupted: '" + r.shown + "' was killed on " + hostName);
        return result(cmd, !ended, stderr);
    }

    /**
     * Waits for the command's channel to close: true when it did; false when the limit passed or
     * the command was cancelled. Waits in slices so a cancel is noticed at once.
     */
    private static boolean ended(SSHClient client, Running r, Duration timeout) throws IOException {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + Math.max(1, timeout.toNanos());
        while (true) {
            if (r.cancelled) return false;
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            try {
                r.cmd.join(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, SLICE_MS), TimeUnit.MILLISECONDS);
                return true;
            } catch (net.schmizz.sshj.connection.ConnectionException e) {
                // a slice ran out: go on while the channel is open; it may have closed just after the slice
                if (!client.isConnected()) throw e;
                if (!r.cmd.isOpen()) return true;
            }
        }
    }

    /**
     * SIGKILL through sshd to the process group, then the tag kill for what escaped it. Once per
     * command: a second caller waits until the first is done, so no call returns (and no connection
     * closes) while its processes may still be alive.
     */
    private void stop(Running r, boolean cancel) {
        if (cancel) r.cancelled = true;
        if (!r.stopped.compareAndSet(false, true)) {
            awaitQuietly(r.stopDone);
            return;
        }
        try {
            r.cmd.signal(Signal.KILL);
        } catch (IOException | RuntimeException ignored) {
            // sshd may not take signals; the tag kill below does the work
        } finally {
            try {
                if (r.tag != null) killer.kill(r.tag);
            } finally {
                r.stopDone.countDown();
            }
        }
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(KILL_LIMIT.toMillis() + GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Gives a stopped command's channel the grace period to close after its processes died. */
    private static void settle(Session.Command cmd) {
        try {
            cmd.join(GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (IOException | RuntimeException ignored) {
            // still open: the call returns anyway, and the channel is closed in the background
        }
    }

    /** Closes the channel; in the background when the command was stopped, as sshd may hold its close. */
    private void close(Session session, boolean wait) {
        if (wait) {
            closeQuietly(session);
        } else {
            pool.submit(() -> closeQuietly(session));
        }
    }

    private static void closeQuietly(Session session) {
        try {
            session.close();
        } catch (IOException | RuntimeException ignored) {
            // the command's result is already known; a channel that cannot close dies with the connection
        }
    }

    private static Raw result(Session.Command cmd, boolean timedOut, ByteArrayOutputStream stderr) {
        Integer status = cmd.getExitStatus();
        Signal signal = cmd.getExitSignal();
        String name = signal == null ? null : signal.name();
        if (timedOut && status == null && name == null) name = "KILL";
        int rc = status != null ? status : name != null && SIGNALS.containsKey(name) ? 128 + SIGNALS.get(name) : -1;
        synchronized (stderr) {
            return new Raw(rc, name, timedOut, stderr.toByteArray());
        }
    }

    private static Void copy(InputStream in, OutputStream out) throws IOException {
        try (in) {
            byte[] buf = new byte[32 * 1024];
            for (int n; (n = in.read(buf)) >= 0; ) {
                synchronized (out) {
                    out.write(buf, 0, n);
                }
            }
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

    /**
     * Waits for both output streams to end: 30 s after a normal exit (the channel closed, so they are
     * at EOF already), the grace period after a stop, after which what was read is kept.
     */
    private static void drain(Future<?> out, Future<?> err, boolean stopped) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(stopped ? GRACE_MS : 30_000);
        for (Future<?> drain : new Future<?>[] {out, err}) {
            try {
                drain.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                if (stopped) continue;
                if (e.getCause() instanceof IOException io) throw io;
                throw new IOException(e.getCause());
            } catch (TimeoutException e) {
                drain.cancel(true);
                if (!stopped) throw new IOException("output did not end within 30 s after the command finished");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }
}
