package io.swarmplay.report;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whether a run's output shows the data of results that did not fail: the default human output
 * does not (Ansible shows it from {@code -v}); any other listener is taken to (JSON, plan, tests).
 */
class RunListenerTest {

    private static HumanReporter human(int verbosity) {
        return new HumanReporter(new PrintWriter(new StringWriter()), Style.plain(), verbosity, false, false);
    }

    @Test
    void theHumanOutputShowsResultsFromVerbosityOne() {
        assertFalse(human(0).showsResults());
        assertTrue(human(1).showsResults());
        assertTrue(human(3).showsResults());
    }

    @Test
    void aListenerThatSaysNothingIsTakenToShowThem() {
        RunListener recorder = event -> { };
        assertTrue(recorder.showsResults());
        assertTrue(RunListener.NONE.showsResults());
    }

    @Test
    void severalListenersShowResultsWhenOneOfThemDoesAndAllGetEveryEvent() {
        List<RunEvent> seen = new ArrayList<>();
        RunListener recorder = seen::add;
        assertFalse(RunListener.all(human(0), human(0)).showsResults());
        assertTrue(RunListener.all(human(0), human(1)).showsResults());
        RunListener both = RunListener.all(human(0), recorder);
        assertTrue(both.showsResults());
        RunEvent event = new RunEvent.Verbose(1, "hello");
        both.report(event);
        assertEquals(List.of(event), seen);
    }
}
