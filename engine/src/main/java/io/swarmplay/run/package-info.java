/**
 * The walk: {@link io.swarmplay.run.Runner} goes plays → tasks → hosts with the linear strategy,
 * and {@link io.swarmplay.run.TaskStep} is the one code path that renders, plans and — only in
 * {@link io.swarmplay.run.Mode#APPLY} — applies each step.
 */
package io.swarmplay.run;
