package io.swarmplay.ml.model;

import io.swarmplay.ml.data.Batch;

/** Anything that maps a batch of images to class probabilities. */
public interface ProbabilityModel {
  /**
   * @param batch the images (labels are ignored)
   * @return {@code batch.size() × 10} probabilities, row-major
   */
  float[] probabilities(Batch batch);
}
