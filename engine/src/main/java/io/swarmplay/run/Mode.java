package io.swarmplay.run;

/**
 * How far a step goes. All three walk the same path; only APPLY calls {@code Module.apply}.
 * CHECK reports like a real run ("would change"); PLAN also collects a preview and treats
 * unreachable hosts as unknown instead of dropping them.
 */
public enum Mode { APPLY, CHECK, PLAN }
