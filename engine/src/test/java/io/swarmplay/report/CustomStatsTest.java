package io.swarmplay.report;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** set_stats' statistics: aggregated as Ansible's AggregateStats, printed after the recap as its default callback does. */
class CustomStatsTest {

    @Test
    void aggregatedValuesAddUpMergeOrReplace() {
        Recap recap = new Recap();
        recap.addCustom(Recap.RUN, Map.of("n", 10, "s", "a", "l", List.of(1), "m", Map.of("x", 1)), true);
        recap.addCustom(Recap.RUN, Map.of("n", 15, "s", "b", "l", List.of(2), "m", Map.of("y", 2)), true);
        recap.addCustom(Recap.RUN, Map.of("n", "text"), true); // another type: left out
        recap.addCustom("h1", Map.of("n", 1), true);
        recap.addCustom("h1", Map.of("n", 5), false);
        assertEquals(Map.of("n", 25L, "s", "ab", "l", List.of(1, 2), "m", Map.of("x", 1, "y", 2)), recap.custom().get(Recap.RUN));
        assertEquals(Map.of("n", 5), recap.custom().get("h1"));
    }

    @Test
    void theyArePrintedAfterTheRecapOnlyWhenAsked() {
        Recap recap = new Recap();
        recap.host("h1").ok = 1;
        recap.addCustom(Recap.RUN, Map.of("my_int", 25, "l", List.of(1), "s", "x"), true);
        recap.addCustom("h1", Map.of("ph", 1), true);
        String shown = print(recap, true);
        assertTrue(shown.contains("CUSTOM STATS: ***"), shown);
        assertTrue(shown.endsWith("\th1: { \"ph\": 1}\n\n\tRUN: { \"l\": [  1 ], \"my_int\": 25, \"s\": \"x\"}\n\n"), shown);
        assertFalse(print(recap, false).contains("CUSTOM STATS"));
    }

    private static String print(Recap recap, boolean show) {
        StringWriter text = new StringWriter();
        new HumanReporter(new PrintWriter(text, true), Style.plain(), 0, false, false).showingCustomStats(show)
                .report(new RunEvent.RunFinished(recap));
        return text.toString();
    }
}
