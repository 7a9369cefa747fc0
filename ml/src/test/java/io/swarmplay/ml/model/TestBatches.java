package io.swarmplay.ml.model;

import io.swarmplay.ml.data.Batch;
import io.swarmplay.ml.data.CifarDataset;
import io.swarmplay.ml.data.CifarReader;
import io.swarmplay.ml.data.SyntheticCifar;
import java.util.Random;

/** Small batches for model tests. */
final class TestBatches {
  private TestBatches() {
  }

  /** @return {@code n} synthetic images (the learnable pattern) as one batch */
  static Batch synthetic(int n, long seed) {
    CifarDataset data = CifarReader.decode("synthetic", SyntheticCifar.records(n, new Random(seed)));
    return Batch.range(data, 0, n);
  }

  /** @return a synthetic dataset of {@code n} images */
  static CifarDataset dataset(int n, long seed) {
    return CifarReader.decode("synthetic", SyntheticCifar.records(n, new Random(seed)));
  }
}
