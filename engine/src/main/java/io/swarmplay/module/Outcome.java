package io.swarmplay.module;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How one task ended on one host.
 *
 * @param status   the status shown and counted in the recap
 * @param message  for OK/SKIPPED the reason, for FAILED/UNREACHABLE what went wrong (Ansible's {@code msg})
 * @param change   what plan found (null when the step never got to plan)
 * @param data     module-specific results stored by {@code register} (rc, stdout, stat, ...)
 * @param facts    variables the task sets on the host ({@code set_fact})
 * @param secrets  values that must never be printed (join tokens, keys): masked in all output
 * @param duration how long the step took
 */
public record Outcome(Status status, String message, Change change, Map<String, Object> data,
                      Map<String, Object> facts, Set<String> secrets, Duration duration) {

    /**
     * A result's key (never shown, never registered): the facts are also the host's persistent facts,
     * kept in the fact cache ({@code set_fact} with {@code cacheable: true}; Ansible's {@code _ansible_facts_cacheable}).
     */
    public static final String FACTS_CACHEABLE = "_ansible_facts_cacheable";

    public Outcome {
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
        facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        secrets = secrets == null ? Set.of() : Set.copyOf(secrets);
        duration = duration == null ? Duration.ZERO : duration;
    }

    private static Outcome of(Status status, String message, Change change) {
        return new Outcome(status, message, change, Map.of(), Map.of(), Set.of(), Duration.ZERO);
    }

    public static Outcome ok(String reason) {
        return of(Status.OK, reason, null);
    }

    public static Outcome ok(Change none) {
        return of(Status.OK, none.summary(), none);
    }

    public static Outcome changed(Change change) {
        return of(Status.CHANGED, change.summary(), change);
    }

    public static Outcome wouldChange(Change change) {
        return of(Status.WOULD_CHANGE, change.summary(), change);
    }

    public static Outcome skipped(String reason) {
        return of(Status.SKIPPED, reason, null);
    }

    public static Outcome failed(String message) {
        return of(Status.FAILED, message, null);
    }

    public static Outcome unreachable(String message) {
        return of(Status.UNREACHABLE, message, null);
    }

    public Outcome withData(Map<String, Object> more) {
        Map<String, Object> merged = new LinkedHashMap<>(data);
        merged.putAll(more);
        return new Outcome(status, message, change, merged, facts, secrets, duration);
    }

    public Outcome withFacts(Map<String, Object> newFacts) {
        return new Outcome(status, message, change, data, newFacts, secrets, duration);
    }

    public Outcome withSecret(String secret) {
        if (secret == null || secret.isEmpty()) return this;
        Set<String> more = new java.util.HashSet<>(secrets);
        more.add(secret);
        return new Outcome(status, message, change, data, facts, more, duration);
    }

    public Outcome withStatus(Status newStatus, String newMessage) {
        return new Outcome(newStatus, newMessage, change, data, facts, secrets, duration);
    }

    public Outcome withChange(Change newChange) {
        return new Outcome(status, message, newChange, data, facts, secrets, duration);
    }

    public Outcome withDuration(Duration took) {
        return new Outcome(status, message, change, data, facts, secrets, took);
    }

    /**
     * Whether Ansible's result says {@code changed}: a change made, or a failure after the module
     * changed something (a command that ran and failed): Ansible counts it changed when it is ignored.
     */
    public boolean changedFlag() {
        return status == Status.CHANGED || status == Status.FAILED && Boolean.TRUE.equals(data.get("changed"));
    }

    public boolean isChanged() {
        return status == Status.CHANGED || status == Status.WOULD_CHANGE;
    }

    public boolean isFailed() {
        return status == Status.FAILED;
    }
}
