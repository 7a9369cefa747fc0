package io.swarmplay.ml;

import io.swarmplay.ml.merge.MergeMethod;
import io.swarmplay.ml.train.RunSettings;
import io.swarmplay.ml.train.TrainSettings;
import io.swarmplay.ml.train.TrainingRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cifar10 train}: the seed's program (environment contract, log lines, saved model). */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train the model (Swarm-merged with --sync-dir), save it under MODEL_DIR/saved_models/cifar10,"
        + " evaluate it. Each flag defaults to the environment variable named in brackets.")
final class TrainCommand implements Callable<Integer> {
  @Option(names = "--data", paramLabel = "DIR", description = "[DATA_DIR] CIFAR-10 binary files or cifar-10-binary.tar.gz.")
  Path data;

  @Option(names = "--model-dir", paramLabel = "DIR", defaultValue = "model", description = "[MODEL_DIR] Output root (default: ${DEFAULT-VALUE}).")
  Path modelDir;

  @Option(names = "--epochs", defaultValue = "5", description = "[MAX_EPOCHS] Epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--min-peers", defaultValue = "2", description = "[MIN_PEERS] Fewest peers per sync round (default: ${DEFAULT-VALUE}).")
  int minPeers;

  @Option(names = "--batch-size", defaultValue = "32", description = "[BATCH_SIZE] (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--sync-frequency", defaultValue = "128", description = "[SYNC_FREQUENCY] Batches between sync rounds (default: ${DEFAULT-VALUE}).")
  int syncFrequency;

  @Option(names = "--seed", defaultValue = "42", description = "[SEED] Initial weights and shuffling (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--sync", defaultValue = "auto", description = "[SYNC] none | directory | auto (directory if --sync-dir is set).")
  String sync;

  @Option(names = "--sync-dir", paramLabel = "DIR", description = "[SYNC_DIR] Directory shared by the peers (empty per run).")
  Path syncDir;

  @Option(names = "--sync-timeout", defaultValue = "600", paramLabel = "SECONDS", description = "[SYNC_TIMEOUT] Wait for missing peers (default: ${DEFAULT-VALUE}).")
  long syncTimeout;

  @Option(names = "--merge-method", defaultValue = "mean", description = "[MERGE_METHOD] mean | coordmedian | geomedian (default: ${DEFAULT-VALUE}).")
  String mergeMethod;

  @Option(names = "--peer-id", description = "[PEER_ID] This peer's id (default: host name and pid).")
  String peerId;

  @Option(names = "--shard", paramLabel = "I/N", defaultValue = "1/1", description = "[SHARD] Train on the I-th of N interleaved shards (1-based).")
  String shard;

  @Option(names = "--threads", defaultValue = "1", description = "[TF_THREADS] TensorFlow intra-op threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() {
    TrainingRun.run(settings());
    return 0;
  }

  RunSettings settings() {
    if (data == null) {
      throw new MlException("no data: set DATA_DIR or pass --data DIR (the CIFAR-10 binary files, see ml/README.md)");
    }
    int[] parts = parseShard(shard);
    return new RunSettings(data, modelDir, new TrainSettings(epochs, batchSize, syncFrequency, seed), minPeers,
        resolveSyncDir(), Duration.ofSeconds(syncTimeout), MergeMethod.parse(mergeMethod), peerId(), parts[0],
        parts[1], threads);
  }

  private Path resolveSyncDir() {
    return switch (sync) {
      case "none" -> null;
      case "auto" -> syncDir;
      case "directory" -> {
        if (syncDir == null) {
          throw new MlException("--sync directory needs SYNC_DIR or --sync-dir DIR");
        }
        yield syncDir;
      }
      default -> throw new MlException("unknown --sync '" + sync + "'; use none, directory or auto");
    };
  }

  private String peerId() {
    if (peerId != null) {
      return peerId;
    }
    String host = System.getenv().getOrDefault("HOSTNAME", "peer").replaceAll("[^A-Za-z0-9._-]", "_");
    return host + "-" + ProcessHandle.current().pid();
  }

  static int[] parseShard(String text) {
    String[] parts = text.split("/");
    try {
      int index = Integer.parseInt(parts[0].trim());
      int count = Integer.parseInt(parts[1].trim());
      if (parts.length == 2 && count >= 1 && index >= 1 && index <= count) {
        return new int[] {index - 1, count};
      }
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      // reported below
    }
    throw new MlException("bad shard '" + text + "'; use I/N with 1 <= I <= N, e.g. 2/3");
  }
}
