package io.swarmplay.run;

import io.swarmplay.connection.Connection;
import io.swarmplay.connection.local.LocalConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run lock protocol on this machine's shell, as a local host sees it, in a temporary lock directory. */
class RunLocksTest {

    @TempDir
    Path dir;

    private final Connection local = new LocalConnection();
    private final List<RunLocks> runs = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();
    private final List<Duration> waited = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void release() {
        runs.forEach(RunLocks::close);
        local.close();
    }

    private RunLocks run(Duration wait) {
        RunLocks locks = new RunLocks(wait);
        runs.add(locks);
        return locks;
    }

    private boolean take(RunLocks locks, String host) {
        return locks.take(host, local, dir.toString(), new RunLocks.Waiting(() -> false, progress::add, waited::add));
    }

    private Path link() {
        return dir.resolve("run.lock");
    }

    private void foreignLock(String owner, Duration age) throws IOException, InterruptedException {
        Files.createSymbolicLink(link(), Path.of(owner));
        String when = "@" + Instant.now().minus(age).getEpochSecond();
        Process touch = new ProcessBuilder("touch", "-h", "-d", when, link().toString()).start();
        assertEquals(0, touch.waitFor());
    }

    @Test
    void theFirstTakeLocksTheHostAndLaterOnesOfTheSameRunDoNotAgain() throws IOException {
        RunLocks locks = run(null);
        assertTrue(take(locks, "host-1"), "taken now: the step plans again");
        assertFalse(take(locks, "host-1"), "already held");
        assertTrue(LockOwner.parse(Files.readSymbolicLink(link()).toString()).isPresent());
        assertTrue(take(locks, "host-2"), "a second inventory host on the same machine shares the run's lock");
        locks.close();
        assertFalse(Files.exists(link(), java.nio.file.LinkOption.NOFOLLOW_LINKS), "released at the end");
    }

    @Test
    void anotherRunOfThisMachineIsRefusedWithWhoHoldsItAndSince() throws IOException {
        RunLocks first = run(null);
        take(first, "host-1");
        LockOwner holder = LockOwner.parse(Files.readSymbolicLink(link()).toString()).orElseThrow();
        HostLock.LockException e = assertThrows(HostLock.LockException.class, () -> take(run(null), "host-1"));
        assertEquals("host-1 is being changed by another swarmplay run (pid " + ProcessHandle.current().pid() + " on "
                + holder.controlNode() + ", since " + holder.describe().replaceFirst(".*, since ", "") + "); wait for it "
                + "with --wait-lock, or remove " + link() + " on host-1 if no such run is active", e.getMessage());
    }

    @Test
    void aRunStartedByAStepOfTheHoldingRunWorksUnderItsLockAndLeavesIt() throws Exception {
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        String owner = "swarmplay:" + parent + ":" + LockOwner.controlNodeName() + ":" + Instant.now().getEpochSecond()
                + ":outer-run";
        foreignLock(owner, Duration.ZERO);
        RunLocks nested = run(null);
        assertFalse(take(nested, "host-1"), "held by the run that started this process: nothing to take");
        assertFalse(take(nested, "host-1"));
        nested.close();
        assertEquals(owner, Files.readSymbolicLink(link()).toString(), "the outer run's lock is left in place");
    }

    @Test
    void aRunOfThisMachineThatDidNotStartThisProcessIsNoEnclosingRun() throws Exception {
        Process sibling = new ProcessBuilder("sleep", "30").start();
        try {
            foreignLock("swarmplay:" + sibling.pid() + ":" + LockOwner.controlNodeName() + ":"
                    + Instant.now().getEpochSecond() + ":sibling-run", Duration.ZERO);
            assertThrows(HostLock.LockException.class, () -> take(run(null), "host-1"));
        } finally {
            sibling.destroy();
        }
    }

    @Test
    void aLiveRunOfAnotherControlNodeHoldsItUntilItStopsRefreshing() throws Exception {
        foreignLock("swarmplay:4242:build-7:" + Instant.now().getEpochSecond() + ":other-run", Duration.ofMinutes(4));
        HostLock.LockException e = assertThrows(HostLock.LockException.class, () -> take(run(null), "host-1"));
        assertTrue(e.getMessage().startsWith("host-1 is being changed by another swarmplay run (pid 4242 on build-7, since "),
                e.getMessage());
        Files.delete(link());
        foreignLock("swarmplay:4242:build-7:" + Instant.now().getEpochSecond() + ":other-run",
                RunLocks.STALE_AFTER.plusMinutes(1));
        assertTrue(take(run(null), "host-1"), "not refreshed for longer than STALE_AFTER: broken");
    }

    @Test
    void aLockOfAProcessOfThisMachineThatIsGoneIsBroken() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        foreignLock("swarmplay:" + gone.pid() + ":" + LockOwner.controlNodeName() + ":"
                + Instant.now().getEpochSecond() + ":crashed-run", Duration.ZERO);
        assertTrue(take(run(null), "host-1"));
        assertTrue(Files.readSymbolicLink(link()).toString().contains(":" + ProcessHandle.current().pid() + ":"));
    }

    @Test
    void aLockOfThisProcessFromARunThatEndedIsBroken() throws Exception {
        foreignLock("swarmplay:" + ProcessHandle.current().pid() + ":" + LockOwner.controlNodeName() + ":"
                + Instant.now().getEpochSecond() + ":interrupted-run", Duration.ZERO);
        assertTrue(take(run(null), "host-1"));
    }

    @Test
    void somethingElseInThePlaceOfTheLockIsNeverBrokenWhileFresh() throws Exception {
        foreignLock("not-a-swarmplay-owner", Duration.ZERO);
        HostLock.LockException e = assertThrows(HostLock.LockException.class, () -> take(run(null), "host-1"));
        assertTrue(e.getMessage().startsWith("host-1 is locked by something else than a swarmplay run ("
                + link() + " -> not-a-swarmplay-owner)"), e.getMessage());
    }

    @Test
    void aRefusedHostStaysRefusedForTheRestOfTheRun() throws Exception {
        RunLocks first = run(null);
        take(first, "host-1");
        RunLocks second = run(null);
        HostLock.LockException refused = assertThrows(HostLock.LockException.class, () -> take(second, "host-1"));
        first.close();
        HostLock.LockException again = assertThrows(HostLock.LockException.class, () -> take(second, "host-1"));
        assertEquals(refused.getMessage(), again.getMessage());
    }

    @Test
    void waitLockWaitsForTheOtherRunToEnd() throws Exception {
        RunLocks first = run(null);
        take(first, "host-1");
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> take(run(Duration.ofSeconds(30)), "host-1"));
        Thread.sleep(1500);
        assertFalse(second.isDone(), "still waiting while the first run holds the lock");
        first.close();
        assertTrue(second.get(10, TimeUnit.SECONDS));
        assertTrue(progress.get(0).startsWith("waiting: host-1 is being changed by another swarmplay run (pid "),
                String.valueOf(progress));
        assertTrue(waited.stream().mapToLong(Duration::toMillis).sum() >= 1000, "the wait is told: " + waited);
    }

    @Test
    void waitLockGivesUpAfterItsTime() {
        take(run(null), "host-1");
        long start = System.nanoTime();
        HostLock.LockException e = assertThrows(HostLock.LockException.class,
                () -> take(run(Duration.ofSeconds(1)), "host-1"));
        assertTrue(e.getMessage().endsWith("; still there after waiting 1s (--wait-lock)"), e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos(), "it gave up after about its 1 s, not later");
    }

    @Test
    void aRunWhoseLockWasTakenOverChangesNothingMoreThere() throws Exception {
        RunLocks locks = run(null);
        take(locks, "host-1");
        Files.delete(link());
        foreignLock("swarmplay:4242:build-7:" + Instant.now().getEpochSecond() + ":other-run", Duration.ZERO);
        locks.refreshAll();
        HostLock.LockException e = assertThrows(HostLock.LockException.class, () -> take(locks, "host-1"));
        assertTrue(e.getMessage().startsWith("host-1: this run's lock (" + link() + ") was removed by someone else"),
                e.getMessage());
        locks.close();
        assertTrue(Files.readSymbolicLink(link()).toString().contains("other-run"), "the other run's lock stays");
    }

    @Test
    void refreshingKeepsTheLockYoung() throws Exception {
        RunLocks locks = run(null);
        take(locks, "host-1");
        new ProcessBuilder("touch", "-h", "-d", "@1000000000", link().toString()).start().waitFor();
        locks.refreshAll();
        long age = Instant.now().getEpochSecond() - Files.getLastModifiedTime(link(), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                .toInstant().getEpochSecond();
        assertTrue(age < 60, "age " + age);
    }

    @Test
    void theOwnerLineRoundTripsAndNamesTheRun() {
        LockOwner owner = new LockOwner(4711, "build-1", Instant.parse("2026-12-05T02:40:12Z"), "run-1");
        assertEquals("swarmplay:4711:build-1:1796438412:run-1", owner.format());
        assertEquals(owner, LockOwner.parse(owner.format()).orElseThrow());
        assertEquals("pid 4711 on build-1, since 2026-12-05 02:40:12 UTC", owner.describe());
        assertTrue(LockOwner.parse("swarmplay:x:build-1:1:run").isEmpty());
        assertFalse(owner.isDeadOn(new LockOwner(1, "elsewhere", Instant.now(), "r"), Set.of()),
                "a process of another control node cannot be checked from here");
    }
}
