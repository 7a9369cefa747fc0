package io.swarmplay.ml.train;

import io.swarmplay.ml.Log;
import io.swarmplay.ml.data.CifarDataset;
import io.swarmplay.ml.data.CifarReader;
import io.swarmplay.ml.data.CifarSplits;
import io.swarmplay.ml.merge.DirectorySync;
import io.swarmplay.ml.merge.ParameterSync;
import io.swarmplay.ml.model.Cifar10Model;
import io.swarmplay.ml.model.Metrics;
import io.swarmplay.ml.model.Scoring;
import io.swarmplay.ml.model.ThreadConfig;
import java.time.Duration;

/** The seed program's flow: load data, train with sync rounds, save the final model, evaluate it. */
public final class TrainingRun {
  private TrainingRun() {
  }

  /**
   * Runs training end to end and logs the seed's lines ("Saved the trained model - PATH",
   * "Test loss = …", "Test accuracy = …").
   *
   * @return the final test metrics
   */
  public static Metrics run(RunSettings s) {
    CifarSplits data = CifarReader.readSplits(s.dataDir());
    CifarDataset train = s.shardCount() > 1 ? data.train().shard(s.shardIndex(), s.shardCount()) : data.train();
    Log.info("x_train shape: (%d, 32, 32, 3)", train.count());
    Log.info("%d train samples, %d test samples", train.count(), data.test().count());
    ParameterSync sync = s.syncDir() == null ? ParameterSync.none() : new DirectorySync(new DirectorySync.Settings(
        s.syncDir(), s.peerId(), s.minPeers(), s.syncTimeout(), s.mergeMethod(), Duration.ofMillis(50)));
    Log.info("Starting training: epochs=%d batch_size=%d sync_frequency=%d seed=%d min_peers=%d sync=%s",
        s.train().epochs(), s.train().batchSize(), s.train().syncFrequency(), s.train().seed(), s.minPeers(),
        sync.describe());
    try (Cifar10Model model = Cifar10Model.create(s.train().seed(), new ThreadConfig(s.threads(), 1))) {
      new Trainer(model, sync, s.train()).train(train, data.test());
      if (s.syncDir() != null) {
        Log.info("All peers and Swarm training rounds finished. Final Swarm model was loaded.");
      }
      Log.info("Saving the final Swarm model ...");
      model.export(s.savedModelDir());
      Log.info("Saved the trained model - %s", s.savedModelDir());
      Log.info("Starting inference on the test data ...");
      Metrics test = Scoring.evaluate(model, data.test());
      Log.info("Test loss = %.5f", test.loss());
      Log.info("Test accuracy = %.5f", test.accuracy());
      return test;
    }
  }
}
