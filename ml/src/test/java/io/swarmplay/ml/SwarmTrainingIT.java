package io.swarmplay.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swarmplay.ml.data.SyntheticCifar;
import io.swarmplay.ml.merge.ParameterComparison;
import io.swarmplay.ml.merge.ParameterSet;
import io.swarmplay.ml.model.ModelVariables;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several {@code cifar10 train} processes on their own synthetic data, merging through a shared
 * directory: every surviving peer must end with a bit-equal model.
 */
class SwarmTrainingIT {
  private static final long PROCESS_TIMEOUT_SECONDS = 240;

  @TempDir
  Path tmp;

  /** A running peer and its log file. */
  record Peer(String id, Process process, Path log, Path modelDir) {
    String output() throws IOException {
      return Files.readString(log);
    }
  }

  private Peer start(String id, int dataSeed, Map<String, String> extraEnv) throws IOException {
    Path data = tmp.resolve("data-" + id);
    SyntheticCifar.write(data, 64, 128, dataSeed);
    Path modelDir = tmp.resolve("model-" + id);
    String classpath = System.getProperty("ml.classes.dir") + ":"
        + Files.readString(Path.of(System.getProperty("ml.classpath.file"))).trim();
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", classpath, Cifar10Cli.class.getName(), "train");
    Map<String, String> env = pb.environment();
    env.put("DATA_DIR", data.toString());
    env.put("MODEL_DIR", modelDir.toString());
    env.put("MAX_EPOCHS", "2");
    env.put("MIN_PEERS", "2");
    env.put("SYNC_DIR", tmp.resolve("sync").toString());
    env.put("SYNC_FREQUENCY", "3");
    env.put("PEER_ID", id);
    env.put("TF_CPP_MIN_LOG_LEVEL", "2");
    env.putAll(extraEnv);
    Path log = tmp.resolve(id + ".log");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    return new Peer(id, pb.start(), log, modelDir);
  }

  private static void awaitSuccess(Peer peer) throws Exception {
    boolean finished = peer.process().waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      peer.process().destroyForcibly();
    }
    assertTrue(finished, peer.id() + " did not finish:\n" + peer.output());
    assertEquals(0, peer.process().exitValue(), peer.id() + " failed:\n" + peer.output());
  }

  private static void assertBitEqualModels(List<Peer> peers) throws IOException {
    List<ParameterSet> models = new ArrayList<>();
    List<String> args = new ArrayList<>(List.of("compare"));
    for (Peer p : peers) {
      models.add(ModelVariables.read(p.modelDir().resolve("saved_models/cifar10")));
      args.add(p.modelDir().toString());
    }
    assertTrue(ParameterComparison.of(models).identical(), "all peers hold bit-equal variables");
    StringWriter out = new StringWriter();
    int code = Cifar10Cli.run(args.toArray(String[]::new), Map.of(), new PrintWriter(out), new PrintWriter(new StringWriter()));
    assertEquals(0, code, out.toString());
  }

  @Test
  void threePeersEndWithTheSameModel() throws Exception {
    List<Peer> peers = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      peers.add(start("peer" + i, i, Map.of()));
    }
    for (Peer p : peers) {
      awaitSuccess(p);
    }
    assertBitEqualModels(peers);
    for (Peer p : peers) {
      String log = p.output();
      assertTrue(log.contains("Sync round-000006: merged 3 peer(s) [peer1, peer2, peer3] with mean"), log);
      assertTrue(log.contains("Sync final: merged 3 peer(s) [peer1, peer2, peer3]"), log);
      assertTrue(log.contains("All peers and Swarm training rounds finished. Final Swarm model was loaded."), log);
      assertTrue(log.contains("Saved the trained model - " + p.modelDir().resolve("saved_models/cifar10")), log);
    }
  }

  @Test
  void whenAPeerDiesTheOthersContinueAfterTheTimeout() throws Exception {
    Map<String, String> env = new HashMap<>(Map.of("SYNC_TIMEOUT", "4", "MERGE_METHOD", "geomedian"));
    List<Peer> survivors = List.of(start("a", 11, env), start("b", 12, env));
    Peer victim = start("c", 13, env);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROCESS_TIMEOUT_SECONDS);
    while (!victim.output().contains("Sync round-000001: merged") && System.nanoTime() < deadline) {
      assertTrue(victim.process().isAlive(), "victim ended early:\n" + victim.output());
      Thread.sleep(20);
    }
    victim.process().destroyForcibly().waitFor();
    for (Peer p : survivors) {
      awaitSuccess(p);
    }
    assertBitEqualModels(survivors);
    String log = survivors.get(0).output();
    String both = log + survivors.get(1).output();
    assertTrue(log.contains("Sync round-000001: merged 3 peer(s) [a, b, c] with geomedian"), log);
    assertTrue(both.contains("continuing without peer(s) [c] after 4s"), "whoever decided round 2 logs it:\n" + both);
    assertTrue(log.contains("Sync final: merged 2 peer(s) [a, b] with geomedian"), log);
  }
}
