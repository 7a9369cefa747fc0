package io.swarmplay.module;

/**
 * Whether a module can predict its change without acting: FULL, or NONE (command, shell), or
 * SKIP: check mode always skips it, as Ansible's fetch ("check mode not (yet) supported for this module").
 */
public enum CheckSupport { FULL, NONE, SKIP }
