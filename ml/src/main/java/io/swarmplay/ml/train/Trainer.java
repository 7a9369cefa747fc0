package io.swarmplay.ml.train;

import io.swarmplay.ml.Log;
import io.swarmplay.ml.data.Batch;
import io.swarmplay.ml.data.CifarDataset;
import io.swarmplay.ml.merge.ParameterSet;
import io.swarmplay.ml.merge.ParameterSync;
import io.swarmplay.ml.model.Cifar10Model;
import io.swarmplay.ml.model.Metrics;
import io.swarmplay.ml.model.Scoring;
import io.swarmplay.ml.model.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Keras-{@code fit}-like training: shuffled batches every epoch (seeded), validation on the test set
 * after each epoch, the {@link ParameterSync} hook every {@code syncFrequency} batches (counted across
 * epochs) and once more after the last batch.
 */
public final class Trainer {
  private final Cifar10Model model;
  private final ParameterSync sync;
  private final TrainSettings settings;
  private long batches;
  private int syncRounds;

  /** @param model the model to train in place */
  public Trainer(Cifar10Model model, ParameterSync sync, TrainSettings settings) {
    this.model = model;
    this.sync = sync;
    this.settings = settings;
  }

  /** @return per-epoch figures; the model then holds the final (merged) parameters */
  public List<EpochSummary> train(CifarDataset train, CifarDataset test) {
    Random shuffle = new Random(settings.seed());
    int[] order = java.util.stream.IntStream.range(0, train.count()).toArray();
    List<EpochSummary> summaries = new ArrayList<>();
    for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
      long start = System.nanoTime();
      shuffle(order, shuffle);
      double[] lossAndCorrect = runEpoch(train, order);
      Metrics validation = Scoring.evaluate(model, test);
      EpochSummary summary = new EpochSummary(epoch, lossAndCorrect[0] / train.count(),
          lossAndCorrect[1] / train.count(), validation, (System.nanoTime() - start) / 1e9);
      log(summary);
      summaries.add(summary);
    }
    syncRound(train.count(), true);
    return summaries;
  }

  /** @return the number of sync rounds run, including the final one */
  public int syncRounds() {
    return syncRounds;
  }

  private double[] runEpoch(CifarDataset train, int[] order) {
    double lossSum = 0;
    double correct = 0;
    for (int from = 0; from < train.count(); from += settings.batchSize()) {
      Batch batch = Batch.of(train, order, from, Math.min(from + settings.batchSize(), train.count()));
      StepResult step = model.train(batch);
      lossSum += (double) step.meanLoss() * step.size();
      correct += step.correct();
      if (++batches % settings.syncFrequency() == 0) {
        syncRound(train.count(), false);
      }
    }
    return new double[] {lossSum, correct};
  }

  private void syncRound(long samples, boolean last) {
    ParameterSet local = model.parameters();
    ParameterSet merged = sync.sync(local, samples, last);
    if (merged != local) {
      model.setParameters(merged);
    }
    syncRounds++;
  }

  private void log(EpochSummary s) {
    Log.info("Epoch %d/%d - %.1fs - loss: %.4f - accuracy: %.4f - val_loss: %.4f - val_accuracy: %.4f",
        s.epoch(), settings.epochs(), s.seconds(), s.trainLoss(), s.trainAccuracy(),
        s.validation().loss(), s.validation().accuracy());
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
}
