package io.swarmplay.ml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swarmplay.ml.data.CifarDataset;
import io.swarmplay.ml.data.CifarReader;
import io.swarmplay.ml.data.SyntheticCifar;
import io.swarmplay.ml.merge.ParameterSet;
import io.swarmplay.ml.merge.ParameterSync;
import io.swarmplay.ml.model.Cifar10Model;
import io.swarmplay.ml.model.ThreadConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrainerTest {
  private static CifarDataset data(int n, long seed) {
    return CifarReader.decode("synthetic", SyntheticCifar.records(n, new Random(seed)));
  }

  @Test
  void learnsTheSyntheticPatternWellAboveChance() {
    CifarDataset train = data(1600, 1);
    CifarDataset test = data(400, 2);
    try (Cifar10Model model = Cifar10Model.create(42, ThreadConfig.SINGLE)) {
      List<EpochSummary> epochs = new Trainer(model, ParameterSync.none(), new TrainSettings(2, 32, 128, 42))
          .train(train, test);
      assertEquals(2, epochs.size());
      assertTrue(epochs.get(1).validation().accuracy() > 0.5, "accuracy " + epochs.get(1).validation().accuracy());
      assertTrue(epochs.get(1).trainLoss() < epochs.get(0).trainLoss(), "training loss falls");
      assertEquals(400, epochs.get(1).validation().count());
    }
  }

  @Test
  void sameSeedGivesBitEqualParameters() {
    CifarDataset train = data(256, 3);
    CifarDataset test = data(32, 4);
    ParameterSet[] results = new ParameterSet[2];
    for (int run = 0; run < 2; run++) {
      try (Cifar10Model model = Cifar10Model.create(9, ThreadConfig.SINGLE)) {
        new Trainer(model, ParameterSync.none(), new TrainSettings(1, 32, 128, 9)).train(train, test);
        results[run] = model.parameters();
      }
    }
    assertTrue(results[0].bitEquals(results[1]));
  }

  /** Records calls and returns the parameters scaled by {@code factor}. */
  private static final class RecordingSync implements ParameterSync {
    final List<String> calls = new ArrayList<>();
    final float factor;

    RecordingSync(float factor) {
      this.factor = factor;
    }

    @Override
    public ParameterSet sync(ParameterSet local, long localSamples, boolean last) {
      calls.add((last ? "final" : "round") + ":" + localSamples);
      ParameterSet out = local.copy();
      out.values().forEach(v -> {
        for (int j = 0; j < v.length; j++) {
          v[j] *= factor;
        }
      });
      return out;
    }

    @Override
    public String describe() {
      return "recording";
    }
  }

  @Test
  void syncRunsEverySyncFrequencyBatchesAcrossEpochsAndOnceAtTheEnd() {
    CifarDataset train = data(320, 5); // 10 batches per epoch
    RecordingSync sync = new RecordingSync(1f);
    try (Cifar10Model model = Cifar10Model.create(1, ThreadConfig.SINGLE)) {
      Trainer trainer = new Trainer(model, sync, new TrainSettings(2, 32, 4, 1));
      trainer.train(train, data(32, 6));
      assertEquals(List.of("round:320", "round:320", "round:320", "round:320", "round:320", "final:320"), sync.calls);
      assertEquals(6, trainer.syncRounds());
    }
  }

  @Test
  void theModelContinuesWithTheParametersTheSyncReturns() {
    RecordingSync zeroing = new RecordingSync(0f);
    try (Cifar10Model model = Cifar10Model.create(1, ThreadConfig.SINGLE)) {
      new Trainer(model, zeroing, new TrainSettings(1, 32, 1000, 1)).train(data(64, 7), data(32, 8));
      for (float[] v : model.parameters().values()) {
        for (float f : v) {
          assertEquals(0f, f, 0f);
        }
      }
    }
  }
}
