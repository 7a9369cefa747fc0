/** Swarm-style parameter merging: pure merge functions and the {@link io.swarmplay.ml.merge.ParameterSync} hook with its implementations. */
package io.swarmplay.ml.merge;
