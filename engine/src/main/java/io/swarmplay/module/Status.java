package io.swarmplay.module;

/** How a step ended on one host. WOULD_CHANGE is CHANGED in check and plan mode. */
public enum Status { OK, CHANGED, WOULD_CHANGE, SKIPPED, FAILED, UNREACHABLE }
