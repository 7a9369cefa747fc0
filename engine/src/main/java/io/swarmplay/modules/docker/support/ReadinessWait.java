package io.swarmplay.modules.docker.support;

import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.ModuleException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Waits for a {@link Readiness} with a timeout: looks again whenever the strategy has news (log
 * lines) or every quarter second, reports progress (elapsed time, last log line) about ten times
 * per wait and at least every five seconds, and on timeout fails naming the container, the host,
 * what was awaited and the container's last 20 log lines.
 */
public final class ReadinessWait {

    private static final long LOOK_EVERY_MS = 250;
    private static final int TAIL_LINES = 20;

    private ReadinessWait() {
    }

    /** Waits for {@code waitFor} in container {@code name}; returns the seconds it took. */
    public static long await(Map<String, Object> waitFor, String name, DockerEndpoint docker, HostSession host) {
        WaitFor parsed = WaitFor.parse(waitFor);
        Duration timeout = parsed.timeout();
        long start = System.nanoTime();
        try (Readiness readiness = Readiness.of(parsed, docker, name, host)) {
            long every = Math.max(1000, Math.min(5000, timeout.toMillis() / 10)) * 1_000_000L;
            long nextProgress = start + every;
            while (!check(readiness, name, docker, host)) {
                long now = System.nanoTime();
                if (now - start >= timeout.toNanos()) throw timedOut(readiness, timeout, name, docker, host);
                if (now >= nextProgress) {
                    host.progress(progress(readiness, name, (now - start) / 1_000_000_000, timeout, docker));
                    nextProgress = now + every;
                }
                readiness.pause(Math.min(LOOK_EVERY_MS, Math.max(1, (start + timeout.toNanos() - now) / 1_000_000)));
            }
        }
        return Duration.ofNanos(System.nanoTime() - start).toSeconds();
    }

    private static boolean check(Readiness readiness, String name, DockerEndpoint docker, HostSession host) {
        try {
            return readiness.check();
        } catch (ModuleException e) {
            throw new ModuleException("gave up waiting for " + readiness.goal() + " in container '" + name + "' on "
                    + host.name() + ": " + e.getMessage() + tail(docker, name));
        }
    }

    private static String progress(Readiness r, String name, long seconds, Duration timeout, DockerEndpoint docker) {
        List<String> last = docker.logTail(name, 1);
        return "waiting for " + r.goal() + " in container '" + name + "' (" + seconds + "s of " + timeout.toSeconds() + "s"
                + (last.isEmpty() ? "" : "; last line: " + last.get(0)) + ")";
    }

    private static ModuleException timedOut(Readiness r, Duration timeout, String name, DockerEndpoint docker,
                                            HostSession host) {
        return new ModuleException("timed out after " + timeout.toSeconds() + "s waiting for " + r.goal()
                + " in container '" + name + "' on " + host.name() + tail(docker, name));
    }

    /** {@code "; last 20 log lines:\n  ..."}, or a note that the container printed nothing. */
    static String tail(DockerEndpoint docker, String name) {
        List<String> lines = docker.logTail(name, TAIL_LINES);
        if (lines.isEmpty()) return "; the container printed nothing";
        return "; last " + TAIL_LINES + " log lines:\n  " + String.join("\n  ", lines);
    }
}
