/**
 * Variable scopes and precedence: {@link io.swarmplay.vars.VariableScope} answers "what is
 * {@code x} for host {@code h} at task {@code t}, and where did it come from".
 */
package io.swarmplay.vars;
