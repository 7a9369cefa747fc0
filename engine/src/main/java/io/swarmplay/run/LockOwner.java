package io.swarmplay.run;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which swarmplay run holds a host's run lock: the pid of the swarmplay process, the control
 * node it runs on, when it took the lock and the run's own id (one process may run several
 * runs, one after the other). Written into the lock as one line of safe characters.
 */
record LockOwner(long pid, String controlNode, Instant since, String runId) {

    private static final Pattern FORMAT = Pattern.compile("swarmplay:(\\d+):([A-Za-z0-9._-]+):(\\d+):([A-Za-z0-9-]+)");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** This process on this control node, for a run starting now. */
    static LockOwner current(String runId) {
        return new LockOwner(ProcessHandle.current().pid(), controlNodeName(), Instant.now().truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS), runId);
    }

    String format() {
        return "swarmplay:" + pid + ":" + controlNode + ":" + since.getEpochSecond() + ":" + runId;
    }

    static Optional<LockOwner> parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) return Optional.empty();
        return Optional.of(new LockOwner(Long.parseLong(m.group(1)), m.group(2),
                Instant.ofEpochSecond(Long.parseLong(m.group(3))), m.group(4)));
    }

    /** For messages: {@code pid 4711 on build-1, since 2026-12-05 02:40:12 UTC}. */
    String describe() {
        return "pid " + pid + " on " + controlNode + ", since " + TIME.format(since);
    }

    boolean sameRun(LockOwner other) {
        return runId.equals(other.runId);
    }

    /**
     * Whether this owner is a process of {@code here} (this control node) that is no longer
     * running that run: its pid is gone, the pid now belongs to a process started after the lock
     * was taken, or it is this very process and the run is not one of {@code liveRuns}.
     */
    boolean isDeadOn(LockOwner here, java.util.Set<String> liveRuns) {
        if (!controlNode.equals(here.controlNode)) return false;
        if (pid == here.pid) return !liveRuns.contains(runId);
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) return true;
        Optional<Instant> started = process.get().info().startInstant();
        return started.isPresent() && started.get().isAfter(since.plusSeconds(1));
    }

    /**
     * Whether this owner is a process of {@code here}'s control node that started {@code here}'s
     * process (its parent, or further up): a run started by a step of the run holding the lock
     * ({@code command: ansible-playbook ...}) works under that lock, as it would without one.
     */
    boolean encloses(LockOwner here) {
        if (!controlNode.equals(here.controlNode) || pid == here.pid) return false;
        Optional<ProcessHandle> process = ProcessHandle.of(here.pid);
        while (process.isPresent()) {
            process = process.get().parent();
            if (process.isPresent() && process.get().pid() == pid) return true;
        }
        return false;
    }

    static String controlNodeName() {
        String name = io.swarmplay.template.TemplateVars.controlHost();
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "localhost" : safe;
    }
}
