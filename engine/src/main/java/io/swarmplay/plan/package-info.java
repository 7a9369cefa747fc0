/**
 * The preview as a value: {@link io.swarmplay.plan.Plan} of {@link io.swarmplay.plan.PlannedStep}s,
 * collected from the run's events by {@link io.swarmplay.plan.PlanCollector} and rendered as text
 * or JSON from the same model by {@link io.swarmplay.plan.PlanRenderer}.
 */
package io.swarmplay.plan;
