package io.swarmplay.ml;

import io.swarmplay.ml.data.CifarDataset;
import io.swarmplay.ml.data.CifarReader;
import io.swarmplay.ml.model.Metrics;
import io.swarmplay.ml.model.SavedModelScorer;
import io.swarmplay.ml.model.Scoring;
import io.swarmplay.ml.model.ThreadConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cifar10 evaluate}: test loss and accuracy of any SavedModel with the CIFAR-10 signature. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Test loss and accuracy of a SavedModel whose serving_default maps [N,32,32,3] float to [N,10]"
        + " probabilities (ours or a Keras export).")
final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "DIR",
      description = "The SavedModel directory (or a MODEL_DIR holding saved_models/cifar10).")
  Path model;

  @Option(names = "--data", paramLabel = "DIR", description = "[DATA_DIR] Holds test_batch.bin (or the archive).")
  Path data;

  @Override
  public Integer call() {
    if (data == null) {
      throw new MlException("no data: set DATA_DIR or pass --data DIR");
    }
    Path dir = Files.isDirectory(model.resolve("saved_models").resolve("cifar10"))
        ? model.resolve("saved_models").resolve("cifar10") : model;
    CifarDataset test = CifarReader.readTest(data);
    try (SavedModelScorer scorer = SavedModelScorer.load(dir, ThreadConfig.SINGLE)) {
      Log.info("Starting inference on the test data (%d images) with %s ...", test.count(), dir);
      Metrics metrics = Scoring.evaluate(scorer, test);
      Log.info("Test loss = %.5f", metrics.loss());
      Log.info("Test accuracy = %.5f", metrics.accuracy());
    }
    return 0;
  }
}
