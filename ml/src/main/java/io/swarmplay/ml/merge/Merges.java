package io.swarmplay.ml.merge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pure merge functions over parameter sets. All arithmetic is in double and every function visits
 * the contributions in list order, so equal inputs give bit-equal outputs on every peer.
 */
public final class Merges {
  /** Default maximum number of Weiszfeld iterations. */
  public static final int WEISZFELD_ITERATIONS = 100;
  /** Default Weiszfeld stopping tolerance: relative change of the estimate (L2). */
  public static final double WEISZFELD_TOLERANCE = 1e-7;
  private static final double MIN_DISTANCE = 1e-12;

  private Merges() {
  }

  /**
   * Sample-weighted mean: Σ nᵢ·θᵢ / Σ nᵢ (plain mean if all counts are 0).
   */
  public static ParameterSet weightedMean(List<Contribution> contributions) {
    ParameterSet first = checkLayouts(contributions);
    double[] weights = normalisedWeights(contributions);
    List<float[]> merged = new ArrayList<>();
    for (int t = 0; t < first.values().size(); t++) {
      float[] out = new float[first.values().get(t).length];
      for (int j = 0; j < out.length; j++) {
        double sum = 0;
        for (int p = 0; p < contributions.size(); p++) {
          sum += weights[p] * contributions.get(p).parameters().values().get(t)[j];
        }
        out[j] = (float) sum;
      }
      merged.add(out);
    }
    return new ParameterSet(first.names(), merged);
  }

  /**
   * Coordinate-wise median: each coordinate is the median of the peers' values (mean of the two
   * middle values for an even count).
   */
  public static ParameterSet coordinateMedian(List<Contribution> contributions) {
    ParameterSet first = checkLayouts(contributions);
    int peers = contributions.size();
    double[] column = new double[peers];
    List<float[]> merged = new ArrayList<>();
    for (int t = 0; t < first.values().size(); t++) {
      float[] out = new float[first.values().get(t).length];
      for (int j = 0; j < out.length; j++) {
        for (int p = 0; p < peers; p++) {
          column[p] = contributions.get(p).parameters().values().get(t)[j];
        }
        Arrays.sort(column);
        out[j] = (float) (peers % 2 == 1 ? column[peers / 2] : (column[peers / 2 - 1] + column[peers / 2]) / 2);
      }
      merged.add(out);
    }
    return new ParameterSet(first.names(), merged);
  }

  /**
   * Sample-weighted geometric median of the peers' whole parameter vectors: the point minimising
   * Σ nᵢ·‖θ − θᵢ‖₂, found with Weiszfeld's iteration starting from the weighted mean.
   *
   * @param maxIterations upper bound on iterations
   * @param tolerance stop when the estimate moves less than {@code tolerance · (1 + ‖estimate‖)}
   */
  public static ParameterSet geometricMedian(List<Contribution> contributions, int maxIterations, double tolerance) {
    ParameterSet first = checkLayouts(contributions);
    double[][] points = contributions.stream().map(c -> flatten(c.parameters())).toArray(double[][]::new);
    double[] weights = normalisedWeights(contributions);
    double[] estimate = flatten(weightedMean(contributions));
    for (int i = 0; i < maxIterations; i++) {
      double[] next = weiszfeldStep(points, weights, estimate);
      double moved = distance(next, estimate);
      estimate = next;
      if (moved <= tolerance * (1 + norm(estimate))) {
        break;
      }
    }
    return unflatten(first, estimate);
  }

  private static double[] weiszfeldStep(double[][] points, double[] weights, double[] estimate) {
    double[] next = new double[estimate.length];
    double total = 0;
    for (int p = 0; p < points.length; p++) {
      double w = weights[p] / Math.max(distance(points[p], estimate), MIN_DISTANCE);
      total += w;
      for (int j = 0; j < next.length; j++) {
        next[j] += w * points[p][j];
      }
    }
    for (int j = 0; j < next.length; j++) {
      next[j] /= total;
    }
    return next;
  }

  /** @return Σ nᵢ·‖x − θᵢ‖₂, the objective the geometric median minimises */
  public static double weightedDistanceSum(List<Contribution> contributions, ParameterSet x) {
    double[] point = flatten(x);
    double[] weights = normalisedWeights(contributions);
    double sum = 0;
    for (int p = 0; p < contributions.size(); p++) {
      sum += weights[p] * distance(point, flatten(contributions.get(p).parameters()));
    }
    return sum;
  }

  private static double[] normalisedWeights(List<Contribution> contributions) {
    long total = contributions.stream().mapToLong(Contribution::samples).sum();
    double[] weights = new double[contributions.size()];
    for (int p = 0; p < weights.length; p++) {
      weights[p] = total == 0 ? 1.0 / weights.length : (double) contributions.get(p).samples() / total;
    }
    return weights;
  }

  private static ParameterSet checkLayouts(List<Contribution> contributions) {
    if (contributions.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge");
    }
    ParameterSet first = contributions.get(0).parameters();
    for (Contribution c : contributions) {
      if (!first.sameLayout(c.parameters())) {
        throw new IllegalArgumentException("peer " + c.peer() + " has parameters of a different model layout");
      }
    }
    return first;
  }

  private static double[] flatten(ParameterSet set) {
    double[] flat = new double[(int) set.size()];
    int at = 0;
    for (float[] v : set.values()) {
      for (float f : v) {
        flat[at++] = f;
      }
    }
    return flat;
  }

  private static ParameterSet unflatten(ParameterSet layout, double[] flat) {
    List<float[]> values = new ArrayList<>();
    int at = 0;
    for (float[] v : layout.values()) {
      float[] out = new float[v.length];
      for (int j = 0; j < out.length; j++) {
        out[j] = (float) flat[at++];
      }
      values.add(out);
    }
    return new ParameterSet(layout.names(), values);
  }

  private static double distance(double[] a, double[] b) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      double d = a[j] - b[j];
      sum += d * d;
    }
    return Math.sqrt(sum);
  }

  private static double norm(double[] a) {
    return distance(a, new double[a.length]);
  }
}
