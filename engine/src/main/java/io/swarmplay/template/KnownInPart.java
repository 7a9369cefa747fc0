package io.swarmplay.template;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A result known in part before apply, as a plan sees the result of a step that would create,
 * change or run something: the keys it holds are known (e.g. {@code changed: true},
 * {@code failed: false}), any other key is {@link #rest()}, an {@link Unknown}. So
 * {@code when: result is changed} is decided in the plan, while {@code result.rc} is still
 * known after apply.
 */
public final class KnownInPart extends LinkedHashMap<String, Object> {

    private final Unknown rest;

    public KnownInPart(Map<String, Object> known, Unknown rest) {
        super(known);
        this.rest = rest;
    }

    /** What every key it does not hold reads as. */
    public Unknown rest() {
        return rest;
    }

    /** The same result with {@code more} keys known (a loop item's {@code item}, for one). */
    public KnownInPart with(Map<String, Object> more) {
        KnownInPart copy = new KnownInPart(this, rest);
        copy.putAll(more);
        return copy;
    }
}
