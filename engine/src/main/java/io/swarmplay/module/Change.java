package io.swarmplay.module;

/**
 * What a module found when it looked: an {@link Action}, a one-line summary (for NONE: the
 * reason nothing needs doing), an optional {@link Diff}, and an opaque payload that
 * {@code plan} hands to {@code apply} (e.g. the inspected container).
 */
public record Change(Action action, String summary, Diff diff, Object payload) {

    public static Change none(String reason) {
        return new Change(Action.NONE, reason, null, null);
    }

    public static Change create(String summary) {
        return new Change(Action.CREATE, summary, null, null);
    }

    public static Change update(String summary) {
        return new Change(Action.UPDATE, summary, null, null);
    }

    public static Change replace(String summary) {
        return new Change(Action.REPLACE, summary, null, null);
    }

    public static Change delete(String summary) {
        return new Change(Action.DELETE, summary, null, null);
    }

    public static Change run(String summary) {
        return new Change(Action.RUN, summary, null, null);
    }

    /** The outcome cannot be predicted, e.g. it depends on a value known only after apply. */
    public static Change unknown(String reason) {
        return new Change(Action.UNKNOWN, reason, null, null);
    }

    public Change withDiff(Diff newDiff) {
        return new Change(action, summary, newDiff, payload);
    }

    public Change withPayload(Object newPayload) {
        return new Change(action, summary, diff, newPayload);
    }

    public boolean isNone() {
        return action == Action.NONE;
    }
}
