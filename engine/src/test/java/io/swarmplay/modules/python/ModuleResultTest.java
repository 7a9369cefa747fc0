package io.swarmplay.modules.python;

import io.swarmplay.module.Change;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A module's printed result, read as ansible-core 2.14 reads it. */
class ModuleResultTest {

    @Test
    void theJsonObjectIsFoundAmongOtherLinesAndOutputWithoutOneIsAModuleFailure() {
        assertEquals(Map.of("changed", true), ModuleResult.parse("noise\n{\"changed\": true}\nmore noise\n", "", 0));
        Map<String, Object> failure = ModuleResult.parse("not json\n", "oops\n", 3);
        assertEquals("MODULE FAILURE\nSee stdout/stderr for the exact error", failure.get("msg"));
        assertEquals(List.of(true, "not json\n", "oops\n", 3),
                List.of(failure.get("failed"), failure.get("module_stdout"), failure.get("module_stderr"), failure.get("rc")));
    }

    @Test
    void aTracebackOnStderrIsTheFailuresException() {
        String traceback = "Traceback (most recent call last):\nException: boom\n";
        assertEquals(traceback, ModuleResult.parse("", traceback, 1).get("exception"));
        assertFalse(ModuleResult.parse("", "plain\n", 1).containsKey("exception"));
    }

    @Test
    void underAsyncWrapperStderrIsTheResultsStderrAndOutputWithoutJsonIsTheWrappersFailure() {
        String traceback = "Traceback (most recent call last):\nException: failing via exception\n";
        Map<String, Object> failure = ModuleResult.parseAsync("", traceback, "/tmp/m.py");
        assertEquals(List.of(1, "/tmp/m.py", "", traceback, "ValueError: No start of json char found\n"),
                List.of(failure.get("failed"), failure.get("cmd"), failure.get("data"), failure.get("stderr"), failure.get("msg")));
        assertFalse(failure.containsKey("module_stderr"));
        assertEquals(Map.of("changed", true, "stderr", "printed to stderr\n"),
                ModuleResult.parseAsync("{\"changed\": true}\n", "printed to stderr\n", "m"));
        assertEquals(Map.of("changed", true), ModuleResult.parseAsync("junk\n  {\"changed\": true}\n", "", "m"));
        assertEquals(List.of("w", "Module invocation had junk after the JSON data: trailing junk"),
                ModuleResult.parseAsync("{\"changed\": true, \"warnings\": [\"w\"]}\ntrailing junk\n", "", "m").get("warnings"));
    }

    @Test
    void aNonZeroRcWithoutFailedFailsAndFactsAndNoLogValuesAreTakenFromTheResult() {
        Change change = Change.unknown("will run");
        assertEquals(Status.FAILED, ModuleResult.outcome(Map.of("rc", 3), Map.of(), change).status());
        assertEquals(Status.OK, ModuleResult.outcome(Map.of("rc", 3, "failed", false), Map.of(), change).status());
        Map<String, Object> result = Map.of("changed", true, "ansible_facts", Map.of("f", 1), "_ansible_no_log", false,
                "invocation", Map.of("module_args", Map.of("secret", ModuleResult.NO_LOG_MASK, "sub", List.of(Map.of("pw", ModuleResult.NO_LOG_MASK)))));
        Outcome outcome = ModuleResult.outcome(result, Map.of("secret", "GLAMOROUS", "sub", List.of(Map.of("pw", "MANPOWER"))), change);
        assertEquals(Status.CHANGED, outcome.status());
        assertEquals(Map.of("f", 1), outcome.facts());
        assertEquals(java.util.Set.of("GLAMOROUS", "MANPOWER"), outcome.secrets());
        assertFalse(outcome.data().containsKey("_ansible_no_log"));
        assertTrue(outcome.data().containsKey("ansible_facts"));
        assertEquals(result.get("invocation"), outcome.data().get("invocation"));
    }

    @Test
    void theInvocationShownIsTheModulesEchoNotTheArgumentsSent() {
        // the module converted the k=v string to a dict and masked its no_log sub-option: the sent text never shows
        Map<String, Object> echoed = Map.of("module_args", Map.of("subopt_dict", Map.of("str_sub_opt1", ModuleResult.NO_LOG_MASK)));
        Outcome outcome = ModuleResult.outcome(Map.of("changed", false, "invocation", echoed),
                Map.of("subopt_dict", "str_sub_opt1=FLICK"), Change.unknown("will run"));
        assertEquals(echoed, outcome.data().get("invocation"));
        assertFalse(String.valueOf(outcome.data()).contains("FLICK"));
    }
}
