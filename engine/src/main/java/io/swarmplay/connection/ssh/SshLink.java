package io.swarmplay.connection.ssh;

import io.swarmplay.connection.ConnectionException;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one SSH connection to a host: opened on first use, shared by every call, with a semaphore
 * that keeps concurrent session channels (exec, sftp) under the server's {@code MaxSessions}.
 *
 * <p>Contract: once an established connection drops, every later call fails with the same
 * {@link ConnectionException} ("connection reset by ADDR:PORT ..."); it does not reconnect, so a
 * task never continues on a different connection than it started on. A connection attempt that
 * fails is not remembered: the next call tries again.
 */
final class SshLink implements AutoCloseable {

    /** Work on one session channel. */
    interface SessionWork<T> {
        T run(SSHClient client) throws IOException;
    }

    static final int KEEP_ALIVE_SECONDS = 15;
    private static final long OPEN_RETRY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final SshOptions options;
    private final Semaphore sessions;
    private SSHClient client;
    private volatile String broken;
    private volatile boolean closed;

    SshLink(SshOptions options) {
        this.options = options;
        this.sessions = new Semaphore(options.maxSessions(), true);
    }

    /**
     * Takes one session slot until {@link #releaseSession()}: for a channel that stays open between
     * uses (the shared SFTP channel), so the channels of running commands plus that one stay under
     * {@code MaxSessions}.
     */
    void holdSession() {
        sessions.acquireUninterruptibly();
    }

    void releaseSession() {
        sessions.release();
    }

    /**
     * Runs {@code work} holding one session permit, connecting first when needed. An I/O failure
     * becomes a {@link ConnectionException} when the connection is gone; otherwise it is rethrown.
     */
    <T> T withSession(SessionWork<T> work) throws IOException {
        SSHClient c = client();
        sessions.acquireUninterruptibly();
        try {
            return translated(c, work);
        } finally {
            sessions.release();
        }
    }

    /**
     * Runs {@code work} without taking a session permit, with the same failure translation as
     * {@link #withSession}: on a channel whose slot the caller already holds ({@link #holdSession()}),
     * or for the short kill channel, which must not queue behind the commands it is to stop (should
     * sshd refuse it under {@code MaxSessions}, it is retried while they die of sshd's own signal).
     */
    <T> T outsideLimit(SessionWork<T> work) throws IOException {
        return translated(client(), work);
    }

    private <T> T translated(SSHClient c, SessionWork<T> work) throws IOException {
        try {
            T result = retryingOpen(c, work);
            if (broken != null) throw new ConnectionException(broken);
            return result;
        } catch (ConnectionException | io.swarmplay.connection.CancelledException | java.io.UncheckedIOException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            ConnectionException lost = lost(c, e);
            if (lost != null) throw lost;
            if (e instanceof IOException || e instanceof IllegalStateException) throw e;
            // sshj fails with e.g. an index error when its transport broke under a write: an I/O failure too
            throw new IOException(rootMessage(e), e);
        }
    }

    /**
     * A {@link ConnectionException} when the connection dropped (the work's result, if any, cannot
     * be trusted), else null. sshj tells its disconnect listener before it wakes up waiting calls,
     * so {@link #broken} is already set when a drop surfaces as {@code e}.
     */
    private ConnectionException lost(SSHClient c, Exception e) {
        // a writer can hit the dead socket (broken pipe) before sshj's reader notices and tells the listener
        if (closed) return null;
        if (broken == null && c.isConnected() && !transportFailed(e) && !(isUnexpected(e) && disconnectsSoon(c))) {
            return null;
        }
        dropped(rootMessage(e));
        return new ConnectionException(broken, e);
    }

    private static boolean isUnexpected(Exception e) {
        return !(e instanceof IOException) && !(e instanceof IllegalStateException);
    }

    /** Whether the reader notices a drop within a moment: after an unexpected error the transport may be dying. */
    private boolean disconnectsSoon(SSHClient c) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            if (broken != null || !c.isConnected()) return true;
            try {
                Thread.sleep(10);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static boolean transportFailed(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof net.schmizz.sshj.transport.TransportException || t instanceof java.net.SocketException) {
                return true;
            }
        }
        return false;
    }

    private void dropped(String cause) {
        if (closed) return;
        synchronized (this) {
            if (broken == null) {
                broken = "connection reset by " + options.endpoint() + " (ssh " + options.target() + ", host "
                        + options.hostName() + "): " + cause;
            }
        }
    }

    /**
     * Runs {@code work}, again when the server refused to open its channel. OpenSSH frees a closed
     * session's slot only after its main loop's next pass, so a channel opened right after another
     * closed can be refused under {@code MaxSessions} even with the semaphore; nothing has run at
     * that point, so retrying is safe.
     */
    private static <T> T retryingOpen(SSHClient c, SessionWork<T> work) throws IOException {
        long deadline = System.nanoTime() + OPEN_RETRY_NANOS;
        for (int attempt = 1; ; attempt++) {
            try {
                return work.run(c);
            } catch (OpenFailException e) {
                if (System.nanoTime() > deadline || !c.isConnected()) throw e;
                pause(Math.min(100, 5L * attempt));
            }
        }
    }

    private static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a free ssh session", e);
        }
    }

    synchronized SSHClient client() {
        if (closed) throw new ConnectionException("the ssh connection to " + options.target() + " is closed");
        if (broken != null) throw new ConnectionException(broken);
        if (client == null) {
            SSHClient c = connect(options);
            c.getTransport().setDisconnectListener((reason, message) -> dropped(message == null ? String.valueOf(reason)
                    : message));
            client = c;
        }
        return client;
    }

    /** Connects and authenticates; throws a {@link ConnectionException} that says why not. */
    static SSHClient connect(SshOptions options) {
        KnownHostsVerifier verifier = new KnownHostsVerifier(options.hostName(), options.knownHosts(),
                options.hostKeyPolicy());
        SSHClient c = newClient(options, new SshConfig(), verifier);
        Watchdog watchdog = new Watchdog(c, options.connectTimeout());
        try {
            c.connect(options.address(), options.port());
            Authenticator.authenticate(c, options);
            watchdog.cancel();
            return c;
        } catch (IOException | RuntimeException e) {
            watchdog.cancel();
            quietly(c);
            if (e instanceof ConnectionException ce && !watchdog.fired()) throw ce;
            if (verifier.failure() != null) throw new ConnectionException(verifier.failure(), e);
            String why = watchdog.fired() ? "timed out after " + options.connectTimeout().toSeconds()
                    + "s waiting for the SSH handshake" : describe(e, options);
            throw new ConnectionException("cannot connect to " + options.target() + " (host " + options.hostName()
                    + "): " + why, e);
        }
    }

    /**
     * Bounds the whole handshake (ident, key exchange, authentication) by the connect timeout:
     * sshj's connect timeout covers only the TCP connect, and a server that accepts but never
     * speaks SSH would otherwise hold the run. A socket read timeout cannot do this, because
     * sshj's reader thread would later die on an idle connection.
     */
    private static final class Watchdog {
        private static final ScheduledExecutorService TIMER =
                Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "ssh-connect-watchdog");
                    t.setDaemon(true);
                    return t;
                });

        private final AtomicBoolean fired = new AtomicBoolean();
        private final ScheduledFuture<?> task;

        Watchdog(SSHClient c, Duration limit) {
            task = TIMER.schedule(() -> {
                fired.set(true);
                closeSocket(c);
            }, limit.toMillis(), TimeUnit.MILLISECONDS);
        }

        void cancel() {
            task.cancel(false);
        }

        boolean fired() {
            return fired.get();
        }

        private static void closeSocket(SSHClient c) {
            try {
                Socket s = c.getSocket();
                if (s != null) s.close();
            } catch (IOException ignored) {
                // the connect attempt fails either way
            }
        }
    }

    /** A client with TCP_NODELAY, keep-alive, the connect timeout and {@code verifier}; not yet connected. */
    static SSHClient newClient(SshOptions options, DefaultConfig config, HostKeyVerifier verifier) {
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        SSHClient c = new SSHClient(config);
        c.setSocketFactory(new NoDelaySocketFactory());
        c.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()));
        c.getConnection().getKeepAlive().setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        c.addHostKeyVerifier(verifier);
        return c;
    }

    private static String describe(Exception e, SshOptions options) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        if (root instanceof ConnectException) return "connection refused";
        if (root instanceof SocketTimeoutException) return "timed out after " + options.connectTimeout().toSeconds() + "s";
        if (root instanceof UnknownHostException) return "unknown host " + options.address();
        if (root instanceof NoRouteToHostException) return "no route to host";
        return rootMessage(e);
    }

    /** A failure's cause for messages, with a hint when sshd refused another session channel. */
    String explain(IOException e) {
        if (e instanceof OpenFailException) {
            return "sshd refused another session channel (" + e.getMessage() + "); if its MaxSessions is below "
                    + options.maxSessions() + ", lower ssh_max_sessions for " + options.hostName();
        }
        return rootMessage(e);
    }

    static String rootMessage(Throwable e) {
        return io.swarmplay.connection.Causes.plain(e);
    }

    private static void quietly(SSHClient c) {
        try {
            c.disconnect();
        } catch (IOException | RuntimeException ignored) {
            // already failing: the original error is what the user needs
        }
    }

    @Override
    public void close() {
        SSHClient c;
        synchronized (this) {
            closed = true;
            c = client;
            client = null;
        }
        if (c != null) quietly(c);
    }
}
