package io.swarmplay.module;

/**
 * What a step would do, with the plan marker shown for it:
 * NONE {@code =}, CREATE {@code +}, UPDATE {@code ~}, REPLACE {@code -/+}, DELETE {@code -},
 * RUN {@code >} (an action with no state, e.g. a command), UNKNOWN {@code ?}.
 */
public enum Action {
    NONE("="), CREATE("+"), UPDATE("~"), REPLACE("-/+"), DELETE("-"), RUN(">"), UNKNOWN("?");

    private final String marker;

    Action(String marker) {
        this.marker = marker;
    }

    public String marker() {
        return marker;
    }
}
