package io.swarmplay.run;

import io.swarmplay.inventory.Host;
import io.swarmplay.inventory.Inventory;
import io.swarmplay.report.Recap;
import io.swarmplay.report.RunEvent;
import io.swarmplay.report.RunListener;
import io.swarmplay.template.Templar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/** Everything shared by the plays of one run: the request, the mode, host states, connections, output. */
final class RunState implements AutoCloseable {

    final RunRequest request;
    final Mode mode;
    final Recap recap = new Recap();
    final Connections connections = new Connections();
    final RunLocks locks;
    final Map<String, HostState> hosts = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    final TagSelection tags;
    final AtomicBoolean interrupted = new AtomicBoolean();
    private volatile long interruptedAt;
    private final RunListener listener;
    /** The inventory as {@code add_host} and {@code group_by} left it: replaced whole, never changed in place. */
    private volatile Inventory inventory;
    private Templar templar;
    private ExecutorService executor;
    /** A fatal error ({@code any_errors_fatal}, a failed {@code run_once}) ended a play: no later play runs. */
    boolean breakPlay;
    /** An error ended the run ({@link RunAborted}): exit 1. */
    volatile boolean aborted;
    /** {@code --start-at-task} still looking for its task. */
    String startAt;

    RunState(RunRequest request, Mode mode, RunListener listener) {
        this.request = request;
        this.mode = mode;
        this.listener = listener;
        this.locks = new RunLocks(request.waitLock());
        this.tags = new TagSelection(request.tags(), request.skipTags(), this::templar);
        this.startAt = request.startAtTask();
        this.inventory = request.inventory();
    }

    /** Whether the run's output shows the data of results that did not fail ({@link RunListener#showsResults}). */
    boolean resultsShown() {
        return listener.showsResults();
    }

    Inventory inventory() {
        return inventory;
    }

    /**
     * Replaces the inventory with {@code edit}'s result (steps of several hosts may edit it at once);
     * every host's state follows its new record. Returns whether anything changed.
     */
    synchronized boolean editInventory(java.util.function.UnaryOperator<Inventory> edit) {
        Inventory before = inventory;
        Inventory after = edit.apply(before);
        if (after == before) return false;
        inventory = after;
        after.hosts().forEach(h -> host(h).host = h);
        return true;
    }

    /** Marks the run interrupted (once) and cancels every connection; true the first time. */
    boolean interrupt() {
        synchronized (interrupted) {
            if (interrupted.get()) return false;
            interruptedAt = System.nanoTime();
            interrupted.set(true);
        }
        connections.cancelAll();
        return true;
    }

    /** Whether the run was interrupted at least {@code grace} ago. */
    boolean interruptedFor(java.time.Duration grace) {
        return interrupted.get() && System.nanoTime() - interruptedAt >= grace.toNanos();
    }

    synchronized HostState host(Host host) {
        return hosts.computeIfAbsent(host.name(), n -> fresh(host));
    }

    /** A new state for {@code host}, holding the facts an earlier run cached for it (not one of the run's hosts yet). */
    HostState fresh(Host host) {
        HostState state = new HostState(host, request.hashBehaviour());
        state.cachedFacts(request.factCache().load(host.name()));
        return state;
    }

    /** Writes the host's facts to the fact cache, as Ansible does each time a task sets facts (never in a plan). */
    void cacheFacts(HostState host) {
        if (mode != Mode.PLAN) request.factCache().store(host.name(), host.factsToCache());
    }

    /** {@code meta: clear_facts}: the host's facts are gone from the fact cache too. */
    void clearCachedFacts(HostState host) {
        if (mode != Mode.PLAN) request.factCache().clear(host.name());
    }

    /**
     * The host a task is delegated to: an inventory host (its state made if no play ran on it yet), else, as in
     * Ansible, a host known by name only, with no variables but what the task gives it and facts delegated to it.
     */
    synchronized HostState delegate(String name) {
        HostState known = hosts.get(name);
        if (known != null) return known;
        Host host = inventory.host(name)
                .orElseGet(() -> new Host(name, Map.of(), List.of(), false, io.swarmplay.source.SourcePosition.UNKNOWN));
        return host(host);
    }

    /** PLAN mode: {@code host} cannot be contacted; the cause is reported once per host. */
    void unreachableInPlan(HostState host, String cause) {
        if (host.unreachableInPlan()) report(new RunEvent.HostUnreachable(host.name(), cause));
    }

    /** Jinjava loads on the first template, not at start-up. */
    synchronized Templar templar() {
        if (templar == null) templar = Templar.create(message -> report(new io.swarmplay.report.RunEvent.Warning(message)), request.plugins(), request.vault(),
                request.jinja2Native());
        return templar;
    }

    synchronized ExecutorService executor() {
        if (executor == null) {
            executor = Executors.newFixedThreadPool(request.forks(), r -> {
                Thread t = new Thread(r, "swarmplay-host");
                t.setDaemon(true);
                return t;
            });
        }
        return executor;
    }

    /**
     * Publishes an event, secrets masked and {@code no_log} results censored: the one place
     * output channels get their events from. Synchronized because progress events come from step threads.
     */
    synchronized void report(RunEvent event) {
        listener.report(request.redactor().redact(event));
    }

    @Override
    public void close() {
        locks.close();
        connections.close();
        if (executor != null) executor.shutdownNow();
    }
}
