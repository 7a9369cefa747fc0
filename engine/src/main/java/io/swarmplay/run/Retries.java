package io.swarmplay.run;

import io.swarmplay.module.Outcome;
import io.swarmplay.module.Status;
import io.swarmplay.playbook.TaskOptions;
import io.swarmplay.playbook.Task;
import io.swarmplay.report.RunEvent.Retrying;
import io.swarmplay.template.Templar.Truth;
import io.swarmplay.template.Unknown;

import java.util.Map;

/** {@code until}/{@code retries}/{@code delay}: attempts a step until its conditions hold (Ansible: retries + 1 attempts). */
final class Retries {

    private final TaskStep step;
    private final Conditions conditions;

    Retries(TaskStep step, Conditions conditions) {
        this.step = step;
        this.conditions = conditions;
    }

    TaskStep.Attempt run(StepSpec spec, HostState host, Map<String, Object> vars) {
        TaskOptions options = spec.task().options();
        if (options.until().isEmpty()) return step.attempt(spec, host, vars);
        int attempts = number(options.retries(), 3, spec, vars) + 1;
        double delay = number(options.delay(), 5, spec, vars);
        for (int n = 1; ; n++) {
            TaskStep.Attempt attempt = step.attempt(spec, host, vars, n);
            Outcome outcome = attempt.outcome().withData(Map.of("attempts", n));
            if (!ran(outcome)) return attempt.withOutcome(outcome);
            Truth done = conditions.all(options.until(), conditions.withResult(spec, vars, outcome), spec);
            if (done != Truth.FALSE) return attempt.withOutcome(outcome);
            if (n >= attempts) return attempt.withOutcome(exhausted(outcome, n));
            if (step.interrupted()) return attempt.withOutcome(outcome);
            step.report(new Retrying(spec.task(), retryName(spec, vars), host.name(), attempt.delegate(), attempts - n,
                    outcome, spec.inherited().noLog()));
            if (!sleep(delay)) return attempt.withOutcome(outcome);
        }
    }

    private static boolean ran(Outcome outcome) {
        return outcome.status() == Status.OK || outcome.status() == Status.CHANGED || outcome.status() == Status.FAILED;
    }

    /**
     * The last attempt's result, failed (without a message of its own, as Ansible's) when there were
     * retries, unless its {@code failed_when} said it did not fail; {@code attempts} counts one less than were made, as Ansible 2.14 does.
     */
    private static Outcome exhausted(Outcome outcome, int attempts) {
        if (attempts <= 1) return outcome;
        Outcome counted = outcome.withData(Map.of("attempts", attempts - 1));
        if (counted.status() == Status.CHANGED) counted = counted.withData(Map.of("changed", true));
        // Ansible's TaskResult.is_failed: a failed_when that held false decides, even after the last retry
        if (Boolean.FALSE.equals(counted.data().get("failed_when_result"))) return counted;
        return counted.isFailed() ? counted : counted.withStatus(Status.FAILED, null);
    }

    /** The task as Ansible's retry line names it: its own name (no role prefix, templated with the host's variables), else the banner's. */
    private String retryName(StepSpec spec, Map<String, Object> vars) {
        Task task = spec.task();
        return task.name().equals(task.module()) ? spec.name() : step.templatedName(task, vars);
    }

    private int number(Object raw, int fallback, StepSpec spec, Map<String, Object> vars) {
        if (raw == null) return fallback;
        Object value = step.render(raw, vars, spec);
        if (value instanceof Unknown || value == null) return fallback;
        try {
            double n = Double.parseDouble(String.valueOf(value).trim());
            if (n >= 0 && n <= Integer.MAX_VALUE) return (int) n;
        } catch (NumberFormatException e) {
            // reported below
        }
        // a templated retries/delay that renders to a non-number fails the step, not the command line
        throw new io.swarmplay.template.TemplateException("retries and delay must be numbers from 0 to " + Integer.MAX_VALUE
                + ", got '" + value + "' from " + raw, spec.task().at(), null);
    }

    private static boolean sleep(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
