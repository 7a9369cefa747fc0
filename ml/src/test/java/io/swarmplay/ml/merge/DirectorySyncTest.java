package io.swarmplay.ml.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swarmplay.ml.MlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySyncTest {
  private static final Duration POLL = Duration.ofMillis(10);

  @TempDir
  Path dir;

  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private DirectorySync peer(String id, int minPeers, Duration timeout) {
    return new DirectorySync(new DirectorySync.Settings(dir, id, minPeers, timeout, MergeMethod.MEAN, POLL));
  }

  private static ParameterSet params(float value) {
    return new ParameterSet(List.of("w"), List.of(new float[] {value, value * 2}));
  }

  /** Runs {@code rounds} numbered rounds and a final one; returns every round's result. */
  private Future<List<ParameterSet>> run(DirectorySync sync, float start, long samples, int rounds) {
    return pool.submit(() -> {
      List<ParameterSet> results = new ArrayList<>();
      ParameterSet current = params(start);
      for (int r = 0; r <= rounds; r++) {
        current = sync.sync(params(current.values().get(0)[0] + 1f), samples, r == rounds);
        results.add(current);
      }
      return results;
    });
  }

  @Test
  void allPeersGetTheSameWeightedMeanEveryRound() throws Exception {
    List<DirectorySync> peers = List.of(peer("a", 2, Duration.ofSeconds(20)), peer("b", 2, Duration.ofSeconds(20)),
        peer("c", 2, Duration.ofSeconds(20)));
    List<Future<List<ParameterSet>>> futures = new ArrayList<>();
    for (int i = 0; i < peers.size(); i++) {
      futures.add(run(peers.get(i), 10f * i, i + 1, 3));
    }
    List<ParameterSet> a = futures.get(0).get();
    for (Future<List<ParameterSet>> f : futures) {
      List<ParameterSet> results = f.get();
      for (int r = 0; r < results.size(); r++) {
        assertTrue(a.get(r).bitEquals(results.get(r)), "round " + r);
      }
    }
    // round 1: inputs 1, 11, 21 with weights 1, 2, 3 -> (1 + 22 + 63) / 6
    assertEquals(86f / 6, a.get(0).values().get(0)[0], 1e-5);
    assertEquals(86f / 6 + 3, a.get(3).values().get(0)[0], 1e-4);
    assertTrue(Files.exists(dir.resolve("done").resolve("a")));
    assertEquals(List.of("a", "b", "c"), Files.readAllLines(dir.resolve("final").resolve("members")));
  }

  @Test
  void aDeadPeerIsDroppedAfterTheTimeoutAndNotAwaitedAgain() throws Exception {
    Duration timeout = Duration.ofMillis(1500);
    peer("dead", 2, timeout); // registers, never syncs
    long start = System.nanoTime();
    Future<List<ParameterSet>> a = run(peer("a", 2, timeout), 0f, 1, 4);
    Future<List<ParameterSet>> b = run(peer("b", 2, timeout), 4f, 1, 4);
    List<ParameterSet> ra = a.get();
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(ra.get(4).bitEquals(b.get().get(4)));
    assertEquals(3f + 4, ra.get(0).values().get(0)[0] + 4, 1e-6); // mean of 1 and 5
    assertTrue(seconds >= 1.4 && seconds < 5.5, "one timeout, not one per round: " + seconds + "s");
    assertEquals(List.of("a", "b"), Files.readAllLines(dir.resolve("round-000001").resolve("members")));
  }

  @Test
  void fewerThanMinPeersFailsClearlyAfterTheTimeout() {
    peer("b", 2, Duration.ofMillis(300)); // registered, never syncs
    Future<List<ParameterSet>> a = run(peer("a", 2, Duration.ofMillis(300)), 0f, 1, 2);
    ExecutionException e = assertThrows(ExecutionException.class, a::get);
    assertTrue(e.getCause() instanceof MlException);
    String message = e.getCause().getMessage();
    assertTrue(message.contains("only 1 peer(s) [a] arrived within 0s, fewer than MIN_PEERS=2"), message);
    assertTrue(message.contains("missing: [b]"), message);
  }

  @Test
  void aLatePeerLoadsTheMergeTheOthersDecided() throws Exception {
    DirectorySync a = peer("a", 2, Duration.ofSeconds(20));
    DirectorySync b = peer("b", 2, Duration.ofSeconds(20));
    Future<ParameterSet> ra = pool.submit(() -> a.sync(params(1f), 1, false));
    Future<ParameterSet> rb = pool.submit(() -> b.sync(params(3f), 1, false));
    ParameterSet decided = ra.get();
    assertTrue(decided.bitEquals(rb.get()));
    ParameterSet late = peer("late", 2, Duration.ofSeconds(20)).sync(params(100f), 1, false);
    assertTrue(decided.bitEquals(late), "the late peer adopts the decided merge");
    assertEquals(2f, late.values().get(0)[0]);
  }

  @Test
  void aFinishedRunIsNotReused() throws Exception {
    DirectorySync solo = peer("solo", 1, Duration.ofSeconds(5));
    solo.sync(params(1f), 1, true);
    MlException e = assertThrows(MlException.class, () -> peer("next", 1, Duration.ofSeconds(5)));
    assertTrue(e.getMessage().contains("use an empty directory"), e.getMessage());
  }

  @Test
  void badSettingsAreRejected() {
    assertThrows(MlException.class, () -> peer("a/b", 1, Duration.ofSeconds(1)));
    assertThrows(MlException.class, () -> peer("a", 0, Duration.ofSeconds(1)));
  }
}
