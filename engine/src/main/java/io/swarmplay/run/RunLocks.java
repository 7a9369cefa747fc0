package io.swarmplay.run;

import io.swarmplay.connection.Connection;
import io.swarmplay.run.HostLock.LockException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One run at a time per host: the {@link HostLock}s this run holds. A host is locked before the
 * first step that would change it (never by {@code --plan} or {@code --check}, which change
 * nothing), kept while the run goes on (refreshed every {@link #REFRESH_EVERY}) and released at
 * its end. A lock is stale, and broken, when its run is known to be over: a process of this
 * control node that is gone (or this process's own finished run), or a lock nobody refreshed for
 * {@link #STALE_AFTER}. Several inventory hosts on one machine share its lock within a run. A run
 * started by a step of the run holding a lock (a process below it) works under that lock: it
 * neither takes, refreshes nor releases it.
 */
final class RunLocks implements AutoCloseable {

    static final Duration STALE_AFTER = Duration.ofMinutes(5);
    static final Duration REFRESH_EVERY = Duration.ofSeconds(30);
    /** The lock directory where a host sets no {@code swarmplay_lock_dir} (tests point it elsewhere). */
    static final String DEFAULT_DIR = System.getProperty("swarmplay.lock.dir", "~/.swarmplay");
    private static final Duration RETRY_EVERY = Duration.ofMillis(500);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    /** The runs of this process still going: a lock of this pid with another run's id is left over. */
    private static final Set<String> LIVE_RUNS = ConcurrentHashMap.newKeySet();

    private record Held(HostLock lock, String dir) {
    }

    /**
     * How a step waits for another run's lock ({@code --wait-lock}): whether the run was
     * interrupted, where progress lines go, and who is told of the time spent waiting.
     */
    record Waiting(BooleanSupplier interrupted, Consumer<String> progress, Consumer<Duration> waited) {
    }

    private final LockOwner me;
    private final Duration wait;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    /** Hosts whose lock the run that started this process holds. */
    private final Set<String> enclosing = ConcurrentHashMap.newKeySet();
    private final Set<String> lost = ConcurrentHashMap.newKeySet();
    /** Hosts another run was changing: this run changes nothing there (a later loop item neither). */
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    private ScheduledExecutorService refresher;

    /** {@code wait}: how long to wait for another run's lock ({@code --wait-lock}); null: not at all. */
    RunLocks(Duration wait) {
        this.me = LockOwner.current(UUID.randomUUID().toString());
        this.wait = wait;
        LIVE_RUNS.add(me.runId());
    }

    /**
     * Makes sure this run holds {@code host}'s lock before it changes the host. True when it was
     * taken now: the caller plans the step again, as the host may have changed while it was not
     * ours. Throws a {@link LockException} with the host's failure message when another run holds
     * it (after waiting, with {@code --wait-lock}), when it cannot be taken, or when it was lost.
     */
    boolean take(String host, Connection connection, String dir, Waiting waiting) {
        if (lost.contains(host)) {
            throw new LockException(host + ": this run's lock (" + HostLock.path(dir) + ") was removed by someone "
                    + "else, so another swarmplay run may be changing it; nothing more is changed there");
        }
        if (held.containsKey(host) || enclosing.contains(host)) return false;
        String refusal = refused.get(host);
        if (refusal != null) throw new LockException(refusal);
        HostLock lock = new HostLock(connection, dir);
        long deadline = wait == null ? 0 : System.nanoTime() + nanos(wait);
        long nextProgress = 0;
        while (true) {
            HostLock.Attempt attempt = lock.tryTake(me);
            if (attempt instanceof HostLock.Taken || attempt instanceof HostLock.Held h && h.owner().equals(me.format())) {
                held.put(host, new Held(lock, dir));
                startRefreshing();
                return true;
            }
            if (attempt instanceof HostLock.Held h) {
                Optional<LockOwner> owner = LockOwner.parse(h.owner());
                if (owner.isPresent() && owner.get().encloses(me)) {
                    enclosing.add(host);
                    return false;
                }
                if (isStale(owner, h.age())) {
                    lock.remove(h.owner());
                    continue;
                }
                String busy = busy(host, owner, h.owner(), dir);
                if (wait == null) throw refuse(host, busy + "; wait for it with --wait-lock"
                        + ", or remove " + HostLock.path(dir) + " on " + host + " if no such run is active");
                if (System.nanoTime() - deadline > 0) throw refuse(host, busy + "; still there after waiting "
                        + wait.toSeconds() + "s (--wait-lock)");
                if (System.nanoTime() - nextProgress > 0) {
                    waiting.progress().accept("waiting: " + busy);
                    nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
                }
                pause(waiting, host);
            }
        }
    }

    private LockException refuse(String host, String message) {
        refused.put(host, message);
        return new LockException(message);
    }

    private static long nanos(Duration d) {
        return d.getSeconds() >= Long.MAX_VALUE / 4_000_000_000L ? Long.MAX_VALUE / 4 : d.toNanos();
    }

    private boolean isStale(Optional<LockOwner> owner, Duration age) {
        if (age.compareTo(STALE_AFTER) > 0) return true;
        return owner.isPresent() && owner.get().isDeadOn(me, LIVE_RUNS);
    }

    private static String busy(String host, Optional<LockOwner> owner, String raw, String dir) {
        return owner.map(o -> host + " is being changed by another swarmplay run (" + o.describe() + ")")
                .orElse(host + " is locked by something else than a swarmplay run (" + HostLock.path(dir) + " -> "
                        + raw + ")");
    }

    private static void pause(Waiting waiting, String host) {
        if (waiting.interrupted().getAsBoolean()) {
            throw new LockException("interrupted while waiting for the run lock of " + host);
        }
        try {
            Thread.sleep(RETRY_EVERY.toMillis());
            waiting.waited().accept(RETRY_EVERY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockException("interrupted while waiting for the run lock of " + host);
        }
    }

    private synchronized void startRefreshing() {
        if (refresher != null) return;
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "swarmplay-lock-refresh");
            t.setDaemon(true);
            return t;
        });
        long every = REFRESH_EVERY.toMillis();
        refresher.scheduleWithFixedDelay(this::refreshAll, every, every, TimeUnit.MILLISECONDS);
    }

    /** Keeps each lock fresh; a lock that is no longer ours marks its host lost. */
    void refreshAll() {
        held.forEach((host, h) -> {
            try {
                if (!h.lock().refresh(me.format())) lost.add(host);
            } catch (RuntimeException e) {
                // the host is unreachable now: it cannot be changed either; its lock ages out
            }
        });
    }

    private void release(Held h) {
        try {
            h.lock().remove(me.format());
        } catch (RuntimeException e) {
            // unreachable or interrupted: the lock is stale once this process is gone, or after STALE_AFTER
        }
    }

    /** Releases every lock this run holds, as far as the hosts can still be reached. */
    @Override
    public void close() {
        synchronized (this) {
            if (refresher != null) refresher.shutdownNow();
        }
        // one round trip per host, all hosts at once: the run's end waits for the slowest, not for their sum
        List<Thread> releases = new ArrayList<>();
        held.values().forEach(h -> {
            Thread release = new Thread(() -> release(h), "swarmplay-lock-release");
            release.setDaemon(true);
            release.start();
            releases.add(release);
        });
        for (Thread release : releases) {
            try {
                release.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        held.clear();
        LIVE_RUNS.remove(me.runId());
    }
}
