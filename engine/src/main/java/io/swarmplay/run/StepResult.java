package io.swarmplay.run;

import io.swarmplay.module.Outcome;
import io.swarmplay.report.RunEvent.ItemFinished;

import java.util.List;
import java.util.Map;

/**
 * What {@link TaskStep} produced for one host: the outcome, the value {@code register} stores,
 * the rendered arguments for display, and the loop items in order.
 */
record StepResult(HostState host, String delegate, Outcome outcome, Object registered,
                  Map<String, Object> args, List<ItemFinished> items, boolean ignored) {

    StepResult withOutcome(Outcome newOutcome, Object newRegistered) {
        return new StepResult(host, delegate, newOutcome, newRegistered, args, items, ignored);
    }
}
