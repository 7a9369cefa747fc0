package io.swarmplay.module;

/**
 * Where the variables a module returns ({@link Outcome#facts()}) take effect, Ansible 2.14's three
 * places for them, from the lowest precedence: host facts ({@code setup}, below play vars),
 * included variables ({@code include_vars}, above task vars) and set facts ({@code set_fact},
 * shared with registered results, above included variables).
 */
public enum VarsLayer { FACTS, INCLUDED, SET_FACTS }
