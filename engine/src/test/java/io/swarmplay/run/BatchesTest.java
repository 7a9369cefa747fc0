package io.swarmplay.run;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** serial's batches as ansible-playbook 2.14 forms them (_get_serialized_batches, pct_to_int). */
class BatchesTest {

    private static final List<String> HOSTS = List.of("a", "b", "c", "d", "e");

    @Test
    void sizesPercentagesAndTheLastSizeRepeating() {
        assertEquals(List.of(HOSTS), Batches.of(List.of(), HOSTS));
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d"), List.of("e")), Batches.of(List.of(2), HOSTS));
        assertEquals(List.of(List.of("a"), List.of("b", "c"), List.of("d", "e")), Batches.of(List.of(1, "50%"), HOSTS));
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d"), List.of("e")),
                Batches.of(List.of("10%"), HOSTS), "a percentage is at least one host");
        assertEquals(List.of(List.of("a"), List.of("b", "c", "d", "e")), Batches.of(List.of(1, 0), HOSTS),
                "0 takes every remaining host");
        assertEquals(List.of(List.of("a", "b", "c")), Batches.of(List.of("3"), List.of("a", "b", "c")));
    }
}
