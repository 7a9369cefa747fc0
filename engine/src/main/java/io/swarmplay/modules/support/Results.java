package io.swarmplay.modules.support;

import io.swarmplay.module.Change;
import io.swarmplay.module.Outcome;

import java.util.Map;

/**
 * Results of read-only modules ({@code stat}, {@code debug}, {@code set_fact}, ...), which do
 * all their work in {@code plan}: the NONE change carries the finished {@link Outcome} as its
 * payload, so the runner can register the data in every mode without calling {@code apply}.
 */
public final class Results {

    private Results() {
    }

    /** A NONE change whose payload is {@code Outcome.ok} with {@code data} and {@code facts}. */
    public static Change none(String reason, Map<String, Object> data, Map<String, Object> facts) {
        Change none = Change.none(reason);
        return none.withPayload(Outcome.ok(none).withData(data).withFacts(facts));
    }

    public static Change none(String reason, Map<String, Object> data) {
        return none(reason, data, Map.of());
    }

    /** The outcome a {@link #none} change carries (for {@code apply}, should a runner call it anyway). */
    public static Outcome outcome(Change change) {
        return change.payload() instanceof Outcome done ? done : Outcome.ok(change);
    }
}
