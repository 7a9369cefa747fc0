/**
 * The module SPI: a {@link io.swarmplay.module.Module} looks at a host through a read-only
 * {@link io.swarmplay.module.HostView} and says what it would do as a
 * {@link io.swarmplay.module.Change}; only {@code apply}, given a writable
 * {@link io.swarmplay.module.HostSession}, acts, and returns an {@link io.swarmplay.module.Outcome}.
 * Plan preview, check mode and real runs share that one path.
 */
package io.swarmplay.module;
