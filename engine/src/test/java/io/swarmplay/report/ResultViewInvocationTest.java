package io.swarmplay.report;

import io.swarmplay.module.Change;
import io.swarmplay.module.Outcome;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** From -vvv a module's result shows the arguments the module echoed, never ones it did not echo. */
class ResultViewInvocationTest {

    private static final Map<String, Object> ARGS = Map.of("subopt", Map.of("secret_sub", "GOLIATH"));

    @Test
    void aModuleThatRanShowsItsArgumentsFromTripleVerbose() {
        Outcome ok = Outcome.ok(Change.none("ok"));
        assertEquals(Map.of("module_args", ARGS), ResultView.of(ok, "stat", ARGS, Map.of(), 3).get("invocation"));
        assertFalse(ResultView.of(ok, "stat", ARGS, Map.of(), 2).containsKey("invocation"));
    }

    @Test
    void aModuleThatCrashedEchoedNothingAndShowsNoInvocation() {
        Outcome crashed = Outcome.failed("MODULE FAILURE\nSee stdout/stderr for the exact error")
                .withData(Map.of("module_stderr", "Traceback ...", "module_stdout", "", "rc", 1))
                .withChange(Change.unknown("will run"));
        Map<String, Object> view = ResultView.of(crashed, "module", ARGS, Map.of(), 5);
        assertFalse(view.containsKey("invocation"), view.toString());
        assertFalse(view.toString().contains("GOLIATH"));
    }
}
