package io.swarmplay.ml.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.swarmplay.ml.data.Batch;
import io.swarmplay.ml.data.CifarDataset;
import org.junit.jupiter.api.Test;

class ScoringTest {
  @Test
  void crossEntropyIsKerasStyleWithNormalisationAndClipping() {
    float[] probs = new float[20];
    probs[3] = 0.5f;
    probs[4] = 0.5f;
    probs[10 + 2] = 2f; // unnormalised row: Keras divides by the row sum first
    probs[10 + 5] = 2f;
    assertEquals(Math.log(2), Scoring.crossEntropy(probs, 0, 3), 1e-12);
    assertEquals(Math.log(2), Scoring.crossEntropy(probs, 1, 5), 1e-12);
    assertEquals(-Math.log(1e-7), Scoring.crossEntropy(probs, 0, 0), 1e-9);
  }

  @Test
  void argMaxTakesTheFirstOfTies() {
    float[] probs = {0.1f, 0.4f, 0.4f, 0, 0, 0, 0, 0, 0, 0.1f};
    assertEquals(1, Scoring.argMax(probs, 0));
  }

  @Test
  void evaluateAveragesOverAllImagesAcrossPartialBatches() {
    int n = Scoring.BATCH + 3;
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      labels[i] = (byte) (i % 10);
    }
    CifarDataset data = new CifarDataset(new byte[n * CifarDataset.IMAGE_SIZE], labels);
    // predicts class 0 with probability 0.91 and 0.01 for every other class
    ProbabilityModel model = (Batch batch) -> {
      float[] out = new float[batch.size() * 10];
      for (int i = 0; i < batch.size(); i++) {
        for (int c = 0; c < 10; c++) {
          out[i * 10 + c] = c == 0 ? 0.91f : 0.01f;
        }
      }
      return out;
    };
    Metrics m = Scoring.evaluate(model, data);
    int zeros = 4; // labels 0 at i = 0, 10, 20, 30
    assertEquals((double) zeros / n, m.accuracy(), 1e-12);
    double expected = (zeros * -Math.log(0.91f / 1.0000000f) + (n - zeros) * -Math.log(0.01f)) / n;
    assertEquals(expected, m.loss(), 1e-6);
    assertEquals(n, m.count());
  }
}
