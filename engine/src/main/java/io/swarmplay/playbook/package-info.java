/**
 * The immutable model of what the user wrote ({@link io.swarmplay.playbook.Playbook},
 * {@link io.swarmplay.playbook.Play}, {@link io.swarmplay.playbook.Task},
 * {@link io.swarmplay.playbook.Block}, {@link io.swarmplay.playbook.Handler}) and the
 * {@link io.swarmplay.playbook.PlaybookLoader} that builds it from YAML nodes with positions.
 */
package io.swarmplay.playbook;
