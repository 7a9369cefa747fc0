package io.swarmplay.ml.train;

import io.swarmplay.ml.merge.MergeMethod;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything one {@code cifar10 train} run needs (the environment contract after flag overrides).
 *
 * @param dataDir CIFAR-10 binary files or archive ({@code DATA_DIR})
 * @param modelDir output root; the model goes to {@code modelDir/saved_models/cifar10} ({@code MODEL_DIR})
 * @param train epochs, batch size, sync frequency, seed
 * @param minPeers fewest peers per sync round ({@code MIN_PEERS})
 * @param syncDir shared directory for the directory sync, or null for local training ({@code SYNC_DIR})
 * @param syncTimeout how long a sync round waits for missing peers ({@code SYNC_TIMEOUT})
 * @param mergeMethod how parameters are merged ({@code MERGE_METHOD})
 * @param peerId this peer's id ({@code PEER_ID})
 * @param shardIndex 0-based shard of the training data to use
 * @param shardCount number of shards (1: all data)
 * @param threads TensorFlow intra-op threads
 */
public record RunSettings(Path dataDir, Path modelDir, TrainSettings train, int minPeers, Path syncDir,
    Duration syncTimeout, MergeMethod mergeMethod, String peerId, int shardIndex, int shardCount, int threads) {
  /** @return where the final SavedModel goes */
  public Path savedModelDir() {
    return modelDir.resolve("saved_models").resolve("cifar10");
  }
}
