package io.swarmplay.ml.merge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MergesTest {
  private static Contribution peer(String id, long samples, float[]... values) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      names.add("v" + i);
    }
    return new Contribution(id, samples, new ParameterSet(names, List.of(values)));
  }

  @Test
  void weightedMeanWeighsBySampleCount() {
    ParameterSet merged = Merges.weightedMean(List.of(
        peer("a", 1, new float[] {0f, 10f}, new float[] {1f}),
        peer("b", 3, new float[] {4f, 2f}, new float[] {5f})));
    assertArrayEquals(new float[] {3f, 4f}, merged.values().get(0));
    assertArrayEquals(new float[] {4f}, merged.values().get(1));
    assertEquals(List.of("v0", "v1"), merged.names());
  }

  @Test
  void weightedMeanWithZeroCountsIsThePlainMean() {
    ParameterSet merged = Merges.weightedMean(List.of(peer("a", 0, new float[] {1f}), peer("b", 0, new float[] {2f})));
    assertArrayEquals(new float[] {1.5f}, merged.values().get(0));
  }

  @Test
  void coordinateMedianTakesTheMiddlePerCoordinate() {
    ParameterSet odd = Merges.coordinateMedian(List.of(
        peer("a", 1, new float[] {1f, 100f}), peer("b", 1, new float[] {5f, -3f}), peer("c", 1, new float[] {2f, 7f})));
    assertArrayEquals(new float[] {2f, 7f}, odd.values().get(0));
    ParameterSet even = Merges.coordinateMedian(List.of(
        peer("a", 1, new float[] {1f}), peer("b", 1, new float[] {9f}), peer("c", 1, new float[] {3f}),
        peer("d", 1, new float[] {1000f})));
    assertArrayEquals(new float[] {6f}, even.values().get(0));
  }

  @Test
  void geometricMedianOfCollinearPointsIsTheMedian() {
    ParameterSet gm = Merges.geometricMedian(List.of(
        peer("a", 1, new float[] {0f, 0f}), peer("b", 1, new float[] {1f, 1f}), peer("c", 1, new float[] {10f, 10f})),
        1000, 1e-12);
    assertEquals(1f, gm.values().get(0)[0], 1e-4);
    assertEquals(1f, gm.values().get(0)[1], 1e-4);
  }

  @Test
  void geometricMedianResistsAnOutlierWhereTheMeanDoesNot() {
    List<Contribution> peers = List.of(peer("a", 1, new float[] {1f, 0f}), peer("b", 1, new float[] {-1f, 0f}),
        peer("c", 1, new float[] {0f, 1f}), peer("d", 1, new float[] {0f, -1f}), peer("evil", 1, new float[] {1000f, 1000f}));
    float[] gm = Merges.geometricMedian(peers, 1000, 1e-12).values().get(0);
    float[] mean = Merges.weightedMean(peers).values().get(0);
    assertTrue(Math.hypot(gm[0], gm[1]) < 0.5, "geometric median stays near the honest peers");
    assertEquals(200f, mean[0], 1e-3);
  }

  @Test
  void geometricMedianMinimisesTheWeightedDistanceSum() {
    Random random = new Random(3);
    List<Contribution> peers = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      float[] a = new float[5];
      float[] b = new float[3];
      for (int j = 0; j < a.length; j++) {
        a[j] = (float) random.nextGaussian();
      }
      for (int j = 0; j < b.length; j++) {
        b[j] = (float) random.nextGaussian();
      }
      peers.add(peer("p" + p, 1 + p, a, b));
    }
    ParameterSet gm = Merges.geometricMedian(peers, 2000, 1e-12);
    double best = Merges.weightedDistanceSum(peers, gm);
    assertTrue(best < Merges.weightedDistanceSum(peers, Merges.weightedMean(peers)));
    for (int trial = 0; trial < 50; trial++) {
      ParameterSet moved = gm.copy();
      moved.values().get(trial % 2)[trial % 3] += (float) (random.nextGaussian() * 1e-2);
      assertTrue(best <= Merges.weightedDistanceSum(peers, moved) + 1e-6, "a perturbation must not improve it");
    }
  }

  @Test
  void mergesAreDeterministic() {
    List<Contribution> peers = List.of(peer("a", 5, new float[] {0.1f, 0.7f}), peer("b", 9, new float[] {0.3f, -0.2f}),
        peer("c", 2, new float[] {0.9f, 0.4f}));
    for (MergeMethod method : MergeMethod.values()) {
      assertTrue(method.merge(peers).bitEquals(method.merge(peers)), method.name());
    }
  }

  @Test
  void differentLayoutsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Merges.weightedMean(List.of(peer("a", 1, new float[] {1f}), peer("b", 1, new float[] {1f, 2f}))));
    assertTrue(e.getMessage().contains("peer b"));
    assertThrows(IllegalArgumentException.class, () -> Merges.coordinateMedian(List.of()));
  }

  @Test
  void mergeMethodsParseSwarmNames() {
    assertEquals(MergeMethod.MEAN, MergeMethod.parse("mean"));
    assertEquals(MergeMethod.COORDMEDIAN, MergeMethod.parse("CoordMedian"));
    assertEquals(MergeMethod.GEOMEDIAN, MergeMethod.parse(" geomedian "));
    assertThrows(IllegalArgumentException.class, () -> MergeMethod.parse("avg"));
  }
}
