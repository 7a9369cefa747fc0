package io.swarmplay.module;

/** Whether a module can predict its change without acting: FULL, or NONE (command, shell). */
public enum CheckSupport { FULL, NONE }
