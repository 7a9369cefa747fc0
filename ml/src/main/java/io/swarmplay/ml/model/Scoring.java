package io.swarmplay.ml.model;

import io.swarmplay.ml.data.Batch;
import io.swarmplay.ml.data.CifarDataset;

/**
 * Keras-style loss and accuracy computed in double from probabilities, so that any model with a
 * probability output (ours in memory, ours reloaded, a Keras export) is scored the same way.
 */
public final class Scoring {
  /** Evaluation batch size (Keras' default). */
  public static final int BATCH = 32;
  /** Keras' probability clipping epsilon. */
  public static final double CLIP = 1e-7;

  private Scoring() {
  }

  /** Scores {@code model} on all of {@code data} in batches of {@link #BATCH}. */
  public static Metrics evaluate(ProbabilityModel model, CifarDataset data) {
    if (data.count() == 0) {
      throw new IllegalArgumentException("no images to evaluate");
    }
    double lossSum = 0;
    int correct = 0;
    for (int from = 0; from < data.count(); from += BATCH) {
      Batch batch = Batch.range(data, from, Math.min(from + BATCH, data.count()));
      float[] probs = model.probabilities(batch);
      for (int i = 0; i < batch.size(); i++) {
        lossSum += crossEntropy(probs, i, batch.labels()[i]);
        correct += argMax(probs, i) == batch.labels()[i] ? 1 : 0;
      }
    }
    return new Metrics(lossSum / data.count(), (double) correct / data.count(), data.count());
  }

  /**
   * Keras categorical cross-entropy of one row: normalise the row to sum 1, clip to [1e-7, 1 − 1e-7],
   * return −log p[label].
   */
  public static double crossEntropy(float[] probabilities, int row, int label) {
    double sum = 0;
    for (int c = 0; c < CifarDataset.CLASSES; c++) {
      sum += probabilities[row * CifarDataset.CLASSES + c];
    }
    double p = probabilities[row * CifarDataset.CLASSES + label] / sum;
    return -Math.log(Math.min(Math.max(p, CLIP), 1 - CLIP));
  }

  /** @return the first index of the largest value of row {@code row} */
  public static int argMax(float[] values, int row) {
    int best = 0;
    for (int c = 1; c < CifarDataset.CLASSES; c++) {
      if (values[row * CifarDataset.CLASSES + c] > values[row * CifarDataset.CLASSES + best]) {
        best = c;
      }
    }
    return best;
  }
}
