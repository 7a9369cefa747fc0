package io.swarmplay.connection.local;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one {@link Command} as a child process: argv without a shell, extra environment on top of
 * the inherited one, working directory, stdin fed then closed, stdout and stderr drained
 * concurrently (so large output never blocks the child), and on timeout the whole process tree
 * killed.
 */
final class LocalProcess {

    /** Shared, so an exec costs a thread hand-off rather than a pool; threads die after idling. */
    private static final ExecutorService PUMPS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "swarmplay-local-pump");
        thread.setDaemon(true);
        return thread;
    });
    /** How long to wait for output after the process ended, in case a background child holds the pipes. */
    private static final long DRAIN_GRACE_MS = 2000;
    private static final File DEV_NULL = new File("/dev/null");

    private LocalProcess() {
    }

    /** Runs {@code command}; the process is in {@code live} while it runs, so {@link #killTree} can stop it from elsewhere. */
    static ExecResult run(Command command, java.util.Set<Process> live) {
        long started = System.nanoTime();
        if (command.chdir() != null && !new File(LocalPaths.expand(command.chdir())).isDirectory()) {
            return new ExecResult(1, "", "cannot change to directory " + command.chdir() + ": no such directory",
                    null, false, elapsed(started));
        }
        Process process;
        try {
            process = builder(command).start();
        } catch (IOException e) {
            // as a shell would: 127 and the reason on stderr, not an exception (the host is reachable)
            return new ExecResult(127, "", "cannot run '" + command.argv().get(0) + "': " + e.getMessage(),
                    null, false, elapsed(started));
        }
        live.add(process);
        try {
            feed(process, command.stdin());
            Pump out = Pump.start(process.getInputStream());
            Pump err = Pump.start(process.getErrorStream());
            boolean timedOut = !waitFor(process, command.timeout());
            if (timedOut) killTree(process);
            int rc = awaitExit(process);
            return new ExecResult(rc, out.text(), err.text(), timedOut ? "KILL" : null, timedOut, elapsed(started));
        } finally {
            live.remove(process);
        }
    }

    private static ProcessBuilder builder(Command command) {
        ProcessBuilder builder = new ProcessBuilder(command.argv());
        if (!command.env().isEmpty()) builder.environment().putAll(command.env());
        if (command.chdir() != null) builder.directory(new File(LocalPaths.expand(command.chdir())));
        if (command.stdin() == null) builder.redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
        return builder;
    }

    /** Writes stdin on a pump thread: a child that writes before it reads must not deadlock us. */
    private static void feed(Process process, byte[] stdin) {
        if (stdin == null) return;
        OutputStream sink = process.getOutputStream();
        PUMPS.execute(() -> {
            try (sink) {
                sink.write(stdin);
            } catch (IOException e) {
                // the child closed its stdin early (e.g. `head -1`): nothing more to give it
            }
        });
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            if (timeout == null) {
                process.waitFor();
                return true;
            }
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTree(process);
            throw new IllegalStateException("interrupted while running a command", e);
        }
    }

    /** Kills the child and every descendant; the list is taken first, before children are re-parented. */
    static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private static int awaitExit(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Drains one stream into memory on a pump thread. */
    private static final class Pump {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private Future<?> done;

        static Pump start(InputStream source) {
            Pump pump = new Pump();
            pump.done = PUMPS.submit(() -> pump.drain(source));
            return pump;
        }

        private void drain(InputStream source) {
            byte[] chunk = new byte[8192];
            try (source) {
                for (int n; (n = source.read(chunk)) >= 0; ) {
                    synchronized (buffer) {
                        buffer.write(chunk, 0, n);
                    }
                }
            } catch (IOException e) {
                // the stream was closed under us: keep what was read
            }
        }

        /** What was read; waits for the end of the stream, at most a grace period after the exit. */
        String text() {
            try {
                done.get(DRAIN_GRACE_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // a background child still holds the pipe open: return what we have
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new UncheckedIOException(new IOException(e.getCause()));
            }
            synchronized (buffer) {
                return buffer.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
