package io.swarmplay.run;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.Connection;
import io.swarmplay.connection.ConnectionException;
import io.swarmplay.connection.ConnectionFactory;
import io.swarmplay.connection.ConnectionSettings;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileAttrs;
import io.swarmplay.connection.FileStat;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A prewarmed host is connected (handshake done) on a background thread, and its step takes that connection. */
class ConnectionsPrewarmTest {

    private static final Map<String, Object> VARS = Map.of("ansible_host", "10.0.0.9");

    /** Counts connects and records the thread each ran on; fails the first {@code failures} connects. */
    private static final class Factory implements ConnectionFactory {
        final List<Fake> opened = new CopyOnWriteArrayList<>();
        final List<ConnectionSettings> logins = new CopyOnWriteArrayList<>();
        final AtomicInteger failures;
        final CountDownLatch release;

        Factory(int failures, CountDownLatch release) {
            this.failures = new AtomicInteger(failures);
            this.release = release;
        }

        @Override
        public String type() {
            return "ssh";
        }

        @Override
        public Connection open(ConnectionSettings settings) {
            logins.add(settings);
            Fake fake = new Fake(this);
            opened.add(fake);
            return fake;
        }
    }

    private static final class Fake implements Connection {
        final Factory factory;
        final List<String> connectThreads = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        Fake(Factory factory) {
            this.factory = factory;
        }

        @Override
        public void connect() {
            connectThreads.add(Thread.currentThread().getName());
            try {
                factory.release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (factory.failures.getAndDecrement() > 0) throw new ConnectionException("cannot connect: refused");
        }

        @Override
        public ExecResult exec(Command command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<FileStat> stat(String path) {
            return Optional.empty();
        }

        @Override
        public Optional<String> sha256(String path) {
            return Optional.empty();
        }

        @Override
        public void read(String path, OutputStream sink) {
        }

        @Override
        public void write(String path, InputStream content, FileAttrs attrs) {
        }

        @Override
        public String describe() {
            return "fake";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void thePrewarmedConnectionIsConnectedInTheBackgroundAndTakenByTheStep() {
        Factory factory = new Factory(0, new CountDownLatch(0));
        try (Connections connections = new Connections(Map.of("ssh", factory))) {
            connections.prewarm("web", VARS);
            Connection used = connections.forHost("web", VARS);
            assertEquals(1, factory.opened.size(), "one connection, not a second one for the step");
            Fake fake = factory.opened.get(0);
            assertSame(fake, used);
            assertEquals(List.of("swarmplay-connect"), fake.connectThreads, "connected once, on the prewarm thread");
        }
    }

    // a step renders become's defaults (ansible_become: false, the become user) that the host's
    // variables, which the prewarm saw, do not have: the same login, so the same connection
    @Test
    void aStepWithBecomeOffTakesThePrewarmedConnection() {
        Factory factory = new Factory(0, new CountDownLatch(0));
        try (Connections connections = new Connections(Map.of("ssh", factory))) {
            connections.prewarm("web", VARS);
            Map<String, Object> step = Map.of("ansible_host", "10.0.0.9", "ansible_become", false,
                    "ansible_become_user", "root", "ansible_become_method", "sudo");
            Connection used = connections.forHost("web", step);
            assertEquals(1, factory.opened.size(), "the step logs in as the prewarm did: no second handshake");
            assertSame(factory.opened.get(0), used);
        }
    }

    // "y" is true for Ansible and for the login (Become): a host with it is not prewarmed as a plain
    // login, and a step with become off gets a login of its own, not one that escalates
    @Test
    void becomeWrittenAsYIsOnForThePrewarmAsForTheLogin() {
        Factory factory = new Factory(0, new CountDownLatch(0));
        try (Connections connections = new Connections(Map.of("ssh", factory))) {
            connections.prewarm("web", Map.of("ansible_host", "10.0.0.9", "ansible_become", " y"));
            connections.forHost("web", Map.of("ansible_host", "10.0.0.9", "ansible_become", false));
            assertEquals(1, factory.opened.size());
            assertEquals(false, factory.logins.get(0).vars().get("ansible_become"), "the step's own login");
        }
    }

    @Test
    void aStepThatLogsInOtherwiseGetsItsOwnConnection() {
        Factory factory = new Factory(0, new CountDownLatch(0));
        try (Connections connections = new Connections(Map.of("ssh", factory))) {
            connections.prewarm("web", VARS);
            Connection used = connections.forHost("web", Map.of("ansible_host", "10.0.0.9",
                    "ansible_ssh_common_args", "-o UserKnownHostsFile=/elsewhere"));
            assertEquals(2, factory.opened.size());
            assertSame(factory.opened.get(1), used);
            assertTrue(factory.opened.get(0).closed, "the prewarmed connection, with the other login, is closed");
            connections.prewarm("db", VARS);
            connections.forHost("db", Map.of("ansible_host", "10.0.0.9", "ansible_ssh_args", "-o StrictHostKeyChecking=no"));
            assertEquals(4, factory.opened.size(), "ansible_ssh_args changes the login too");
        }
    }

    @Test
    void aStepWaitingForAnAttemptUnderWayGetsItsFailure() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Factory factory = new Factory(1, release);
        try (Connections connections = new Connections(Map.of("ssh", factory))) {
            connections.prewarm("web", VARS);
            waitUntil(() -> !factory.opened.isEmpty() && !factory.opened.get(0).connectThreads.isEmpty());
            Thread releaser = new Thread(() -> {
                sleep(50);
                release.countDown();
            });
            releaser.start();
            ConnectionException e = assertThrows(ConnectionException.class, () -> connections.forHost("web", VARS));
            assertTrue(e.getMessage().contains("refused"), e.getMessage());
            assertTrue(factory.opened.get(0).closed, "the failed connection is closed");
            releaser.join();
        }
    }

    @Test
    void anAttemptThatFailedEarlierIsRetriedByTheStep() throws Exception {
        Factory factory = new Factory(1, new CountDownLatch(0));
        try (Connections connections = new Connections(Map.of("ssh", factory))) {
            connections.prewarm("web", VARS);
            waitUntil(() -> !factory.opened.isEmpty() && factory.opened.get(0).closed);
            Connection used = connections.forHost("web", VARS);
            assertEquals(2, factory.opened.size());
            assertNotEquals(factory.opened.get(0), used);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not reached in 10 s");
            sleep(5);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
