package io.swarmplay.modules.python;

import io.swarmplay.module.Change;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
        assertEquals(Map.of("f", 1, "ansible_facts", Map.of("f", 1)), outcome.facts());
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

    @Test
    void aModulesFactsAreNamespacedUnderAnsibleFactsAndRestrictedOnesAreNotInjected() {
        Map<String, Object> bogus = Map.of("ansible_facts", Map.of("discovered_interpreter_python", "touch"),
                "ansible_python_interpreter", "touch", "ansible_distro_thing", "x", "plain", 1);
        Outcome outcome = ModuleResult.outcome(Map.of("changed", false, "ansible_facts", bogus), Map.of(), Change.none("ok"));
        Map<String, Object> facts = outcome.facts();
        assertEquals(Set.of("ansible_distro_thing", "plain", "ansible_facts"), facts.keySet());
        Map<?, ?> namespaced = (Map<?, ?>) facts.get("ansible_facts");
        assertEquals("x", namespaced.get("distro_thing"));
        assertEquals(1, namespaced.get("plain"));
        assertEquals(Map.of("discovered_interpreter_python", "touch"), namespaced.get("facts"));
        assertFalse(namespaced.containsKey("discovered_interpreter_python"));
    }
}
