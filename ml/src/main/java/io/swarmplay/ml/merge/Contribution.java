package io.swarmplay.ml.merge;

/**
 * One peer's parameters in a sync round.
 *
 * @param peer the peer's id
 * @param samples the peer's local training sample count (the weight of its parameters)
 * @param parameters its parameters
 */
public record Contribution(String peer, long samples, ParameterSet parameters) {
  /** Checks the weight. */
  public Contribution {
    if (samples < 0) {
      throw new IllegalArgumentException("negative sample count " + samples);
    }
  }
}
