package io.swarmplay.modules.docker.support;

import io.swarmplay.connection.docker.ContainerState;
import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.connection.docker.DockerException;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * What a started container must reach before its task is done ({@code wait_for}), like
 * testcontainers' {@code Wait} strategies: a log line, a healthy healthcheck, an exit code, a
 * file in the container, or a unix socket on the host.
 *
 * <p>Contract: {@link #check} looks once and is cheap; it throws a {@link ModuleException} when
 * the condition can no longer be reached (the container exited). {@link #pause} waits at most
 * the given time for something worth a new look.
 */
public interface Readiness extends AutoCloseable {

    /** What is awaited, e.g. {@code log matching 'ready'}. */
    String goal();

    boolean check();

    /** Waits up to {@code millis} before the next {@link #check}; strategies with events return early. */
    default void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleException("interrupted while waiting for " + goal());
        }
    }

    @Override
    default void close() {
    }

    /** The check for {@code waitFor} (already parsed and checked) on {@code container}. */
    static Readiness of(WaitFor waitFor, DockerReader docker, String container, HostView host) {
        String value = waitFor.value();
        return switch (waitFor.kind()) {
            case "log" -> new LogLine(docker, container, waitFor.logPattern());
            case "healthy" -> polled("container healthy", () -> healthy(docker, container));
            case "exited" -> polled("exit code " + value, () -> exited(docker, container, waitFor.exitCode()));
            case "file_in_container" -> polled("file " + value + " in the container", () -> fileIn(docker, container, value));
            default -> polled("socket " + value + " on the host", () -> host.stat(value).isPresent());
        };
    }

    private static Readiness polled(String goal, java.util.function.BooleanSupplier check) {
        return new Readiness() {
            @Override
            public String goal() {
                return goal;
            }

            @Override
            public boolean check() {
                return check.getAsBoolean();
            }
        };
    }

    private static ContainerState state(DockerReader docker, String container) {
        return docker.inspectContainer(container).orElseThrow(() -> new ModuleException("container " + container + " is gone"));
    }

    private static boolean healthy(DockerReader docker, String container) {
        ContainerState s = state(docker, container);
        if (s.health() == null) throw new ModuleException("container " + s.name() + " has no healthcheck to wait for");
        if (!s.running()) throw new ModuleException("container " + s.name() + " exited with code " + s.exitCode());
        return s.health().equals("healthy");
    }

    private static boolean exited(DockerReader docker, String container, long code) {
        ContainerState s = state(docker, container);
        if (s.running() || s.status().equals("created")) return false;
        if (s.exitCode() != code) {
            throw new ModuleException("container " + s.name() + " exited with code " + s.exitCode() + ", not " + code);
        }
        return true;
    }

    private static boolean fileIn(DockerReader docker, String container, String path) {
        try {
            docker.copyOut(container, path);
            return true;
        } catch (DockerException e) {
            if (!state(docker, container).running()) throw new ModuleException("container " + container + " exited");
            return false;
        }
    }

    /** A log line matching a regex, seen by following the container's output from its start. */
    final class LogLine implements Readiness {
        private final Pattern pattern;
        private final AtomicBoolean matched = new AtomicBoolean();
        private final AtomicBoolean ended = new AtomicBoolean();
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition news = lock.newCondition();
        private final AutoCloseable follow;

        LogLine(DockerReader docker, String container, Pattern pattern) {
            this.pattern = pattern;
            this.follow = docker.followLogs(container, this::line, () -> signal(ended));
        }

        private void line(String line) {
            if (pattern.matcher(line).find()) signal(matched);
        }

        private void signal(AtomicBoolean flag) {
            flag.set(true);
            lock.lock();
            try {
                news.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public String goal() {
            return "log matching '" + pattern.pattern() + "'";
        }

        @Override
        public boolean check() {
            if (matched.get()) return true;
            if (ended.get()) throw new ModuleException("the container stopped before its log matched '" + pattern.pattern() + "'");
            return false;
        }

        @Override
        public void pause(long millis) {
            lock.lock();
            try {
                if (!matched.get() && !ended.get()) news.await(millis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModuleException("interrupted while waiting for " + goal());
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            try {
                follow.close();
            } catch (Exception e) {
                // the stream is closing anyway
            }
        }
    }
}
