package io.swarmplay.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swarmplay.ml.merge.MergeMethod;
import io.swarmplay.ml.train.RunSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TrainCommandTest {
  private static RunSettings parse(Map<String, String> env, String... args) {
    TrainCommand command = new TrainCommand();
    CommandLine cli = new CommandLine(command);
    cli.setDefaultValueProvider(new EnvDefaults(env));
    cli.parseArgs(args);
    return command.settings();
  }

  @Test
  void defaultsAreTheSeedProgramsDefaults() {
    RunSettings s = parse(Map.of("DATA_DIR", "/data"));
    assertEquals(Path.of("/data"), s.dataDir());
    assertEquals(Path.of("model/saved_models/cifar10"), s.savedModelDir());
    assertEquals(5, s.train().epochs());
    assertEquals(2, s.minPeers());
    assertEquals(32, s.train().batchSize());
    assertEquals(128, s.train().syncFrequency());
    assertNull(s.syncDir(), "local training unless a sync directory is given");
    assertEquals(MergeMethod.MEAN, s.mergeMethod());
    assertEquals(1, s.shardCount());
  }

  @Test
  void theEnvironmentContractIsRead() {
    RunSettings s = parse(Map.ofEntries(Map.entry("DATA_DIR", "/d"), Map.entry("MODEL_DIR", "/m"),
        Map.entry("MAX_EPOCHS", "3"), Map.entry("MIN_PEERS", "4"), Map.entry("BATCH_SIZE", "16"),
        Map.entry("SYNC_FREQUENCY", "64"), Map.entry("SEED", "7"), Map.entry("SYNC_DIR", "/s"),
        Map.entry("SYNC_TIMEOUT", "9"), Map.entry("MERGE_METHOD", "geomedian"), Map.entry("SHARD", "2/3")));
    assertEquals(Path.of("/m/saved_models/cifar10"), s.savedModelDir());
    assertEquals(3, s.train().epochs());
    assertEquals(4, s.minPeers());
    assertEquals(16, s.train().batchSize());
    assertEquals(64, s.train().syncFrequency());
    assertEquals(7, s.train().seed());
    assertEquals(Path.of("/s"), s.syncDir());
    assertEquals(Duration.ofSeconds(9), s.syncTimeout());
    assertEquals(MergeMethod.GEOMEDIAN, s.mergeMethod());
    assertEquals(1, s.shardIndex());
    assertEquals(3, s.shardCount());
  }

  @Test
  void flagsOverrideTheEnvironment() {
    RunSettings s = parse(Map.of("DATA_DIR", "/d", "MAX_EPOCHS", "3", "MIN_PEERS", "4", "SYNC_DIR", "/s"),
        "--data", "/other", "--epochs", "1", "--min-peers", "3", "--sync", "none");
    assertEquals(Path.of("/other"), s.dataDir());
    assertEquals(1, s.train().epochs());
    assertEquals(3, s.minPeers());
    assertNull(s.syncDir());
  }

  @Test
  void missingOrBadValuesGetClearErrors() {
    MlException noData = assertThrows(MlException.class, () -> parse(Map.of()));
    assertTrue(noData.getMessage().contains("set DATA_DIR or pass --data"));
    MlException shard = assertThrows(MlException.class, () -> parse(Map.of("DATA_DIR", "/d"), "--shard", "4/3"));
    assertTrue(shard.getMessage().contains("bad shard '4/3'"));
    assertThrows(MlException.class, () -> parse(Map.of("DATA_DIR", "/d"), "--sync", "directory"));
    assertThrows(IllegalArgumentException.class, () -> parse(Map.of("DATA_DIR", "/d"), "--merge-method", "avg"));
  }
}
