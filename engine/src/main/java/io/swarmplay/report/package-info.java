/**
 * Events and output: {@link io.swarmplay.report.RunEvent} (sealed) with records,
 * {@link io.swarmplay.report.RunListener} (default no-ops), the Ansible-style
 * {@link io.swarmplay.report.HumanReporter}, the line-per-event {@link io.swarmplay.report.JsonReporter}
 * and the {@link io.swarmplay.report.Recap}.
 */
package io.swarmplay.report;
