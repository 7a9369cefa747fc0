package io.swarmplay.ml.merge;

/**
 * The Swarm hook of the training loop: called with the local trainable parameters every
 * {@code SYNC_FREQUENCY} batches and once more after the last batch; returns the parameters to
 * continue with (the merged ones, or the local ones for local training).
 */
public interface ParameterSync {
  /**
   * Exchanges parameters with the other peers, if any.
   *
   * @param local the local parameters (not modified)
   * @param localSamples the local training sample count, used as the merge weight
   * @param last whether this is the final round after training
   * @return the parameters to load; all peers of a round receive bit-equal values
   * @throws io.swarmplay.ml.MlException if fewer than the minimum number of peers show up in time
   */
  ParameterSet sync(ParameterSet local, long localSamples, boolean last);

  /** @return a one-line description for the start-up log */
  String describe();

  /** Local training: returns the local parameters unchanged. */
  static ParameterSync none() {
    return new ParameterSync() {
      @Override
      public ParameterSet sync(ParameterSet local, long localSamples, boolean last) {
        return local;
      }

      @Override
      public String describe() {
        return "none (local training)";
      }
    };
  }
}
