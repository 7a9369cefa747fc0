package io.swarmplay.ml.train;

/**
 * How to train.
 *
 * @param epochs passes over the training data ({@code MAX_EPOCHS})
 * @param batchSize images per step ({@code BATCH_SIZE})
 * @param syncFrequency batches between parameter sync rounds ({@code SYNC_FREQUENCY})
 * @param seed seeds the initial weights and the per-epoch shuffle ({@code SEED})
 */
public record TrainSettings(int epochs, int batchSize, int syncFrequency, long seed) {
  /** Validates the values. */
  public TrainSettings {
    if (epochs < 1 || batchSize < 1 || syncFrequency < 1) {
      throw new IllegalArgumentException("epochs, batch size and sync frequency must be at least 1");
    }
  }
}
