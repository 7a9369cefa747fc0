package io.swarmplay.run;

import io.swarmplay.module.Outcome;
import io.swarmplay.module.Status;
import io.swarmplay.playbook.TaskOptions;
import io.swarmplay.template.Templar.Truth;
import io.swarmplay.template.TemplateException;
import io.swarmplay.template.Unsafe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code when}, {@code until}, {@code changed_when} and {@code failed_when}: lists of conditions, all must hold. */
final class Conditions {

    /** Ansible's {@code skip_reason} of a task whose {@code when} does not hold. */
    static final String CONDITION_FALSE = "Conditional result was False";

    private final RunState run;
    private final TaskStep step;

    Conditions(RunState run, TaskStep step) {
        this.run = run;
        this.step = step;
    }

    /** Null when the task should run; else the skipped (or, for an unknown condition, would-change) outcome. */
    Outcome when(StepSpec spec, Map<String, Object> vars) {
        for (String condition : spec.inherited().when()) {
            Truth truth = run.templar().test(condition, vars, spec.task().at());
            // a plan names the condition; a run says what Ansible says
            if (truth == Truth.FALSE) {
                return Outcome.skipped(run.mode == Mode.PLAN ? "when: " + condition + " was false" : CONDITION_FALSE);
            }
            if (truth == Truth.UNKNOWN) {
                return step.unknown("when: " + condition + " is known only after apply");
            }
        }
        return null;
    }

    /** TRUE when every condition holds, FALSE when one does not, UNKNOWN when one cannot be known yet. */
    Truth all(List<String> conditions, Map<String, Object> vars, StepSpec spec) {
        Truth result = Truth.TRUE;
        for (String condition : conditions) {
            Truth truth = run.templar().test(condition, vars, spec.task().at());
            if (truth == Truth.FALSE) return Truth.FALSE;
            if (truth == Truth.UNKNOWN) result = Truth.UNKNOWN;
        }
        return result;
    }

    /** The variables with the step's own result under its {@code register} name, for until/changed_when/failed_when. */
    Map<String, Object> withResult(StepSpec spec, Map<String, Object> vars, Outcome outcome) {
        String register = spec.task().options().register();
        if (register == null) return vars;
        Map<String, Object> more = new LinkedHashMap<>(vars);
        more.put(register, Unsafe.wrap(Results.registered(outcome, spec.name(), "")));
        return more;
    }

    /** Applies {@code changed_when} then {@code failed_when} to an outcome that ran. */
    Outcome overrides(StepSpec spec, Outcome outcome, Map<String, Object> vars) {
        TaskOptions options = spec.task().options();
        if (options.changedWhen().isEmpty() && options.failedWhen().isEmpty()) return outcome;
        if (outcome.status() != Status.OK && outcome.status() != Status.CHANGED && outcome.status() != Status.FAILED) {
            return outcome;
        }
        Map<String, Object> withResult = withResult(spec, vars, outcome);
        Outcome result = outcome;
        Truth changed;
        try {
            changed = options.changedWhen().isEmpty() ? Truth.UNKNOWN : all(options.changedWhen(), withResult, spec);
        } catch (TemplateException e) {
            return unevaluable("changed_when_result", e, spec, result);
        }
        if (changed == Truth.TRUE && !result.isFailed()) result = result.withStatus(Status.CHANGED, result.message());
        if (changed == Truth.FALSE && !result.isFailed()) result = result.withStatus(Status.OK, result.message());
        if (options.failedWhen().isEmpty()) return result;
        // a change failed_when turns into a failure stays changed in the result (and in the recap when ignored)
        if (result.status() == Status.CHANGED) result = result.withData(Map.of("changed", true));
        Truth failed;
        try {
            failed = all(options.failedWhen(), withResult, spec);
        } catch (TemplateException e) {
            return unevaluable("failed_when_result", e, spec, result);
        }
        // Ansible registers the condition's value with the result
        if (failed != Truth.UNKNOWN) result = result.withData(Map.of("failed_when_result", failed == Truth.TRUE));
        if (failed == Truth.TRUE && !result.isFailed()) {
            // Ansible adds no message: the result keeps the module's own msg, if any
            result = result.withStatus(Status.FAILED, null);
        }
        if (failed == Truth.FALSE && result.isFailed()) result = result.withStatus(notFailed(result, changed), result.message());
        return result;
    }

    // Ansible: the task fails, its result kept, KEY (changed_when_result/failed_when_result) holding why the condition
    // could not be evaluated
    private static Outcome unevaluable(String key, TemplateException e, StepSpec spec, Outcome result) {
        String why = TemplateMessages.ofModule(e, spec.task().at());
        return result.withStatus(Status.FAILED, why).withData(Map.of(key, why));
    }

    // a command whose failure failed_when excuses still ran, so it counts as changed unless changed_when says no
    private static Status notFailed(Outcome outcome, Truth changed) {
        if (changed == Truth.FALSE) return Status.OK;
        boolean noChange = outcome.change() != null && outcome.change().isNone();
        return noChange ? Status.OK : Status.CHANGED;
    }
}
