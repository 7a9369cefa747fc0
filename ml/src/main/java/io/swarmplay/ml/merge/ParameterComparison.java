package io.swarmplay.ml.merge;

import java.util.ArrayList;
import java.util.List;

/**
 * How far several parameter sets are from the first one.
 *
 * @param variables one row per variable of the first set
 * @param identical whether every set has the same names and bit-equal values
 */
public record ParameterComparison(List<VariableDifference> variables, boolean identical) {
  /**
   * The largest absolute difference of one variable against the first set.
   *
   * @param name variable name
   * @param size element count
   * @param maxAbsDifference max |xᵢ − x₀| over all sets and elements (NaN counts as infinite)
   * @param bitEqual whether all sets hold bit-equal values
   */
  public record VariableDifference(String name, int size, double maxAbsDifference, boolean bitEqual) {
  }

  /**
   * Compares {@code sets} against the first one.
   *
   * @throws IllegalArgumentException if fewer than two sets are given or their layouts differ
   */
  public static ParameterComparison of(List<ParameterSet> sets) {
    if (sets.size() < 2) {
      throw new IllegalArgumentException("need at least two models to compare");
    }
    ParameterSet first = sets.get(0);
    for (int s = 1; s < sets.size(); s++) {
      if (!first.sameLayout(sets.get(s))) {
        throw new IllegalArgumentException("model " + (s + 1) + " has variables " + sets.get(s).names()
            + " but model 1 has " + first.names() + " (or their sizes differ)");
      }
    }
    List<VariableDifference> rows = new ArrayList<>();
    for (int v = 0; v < first.names().size(); v++) {
      rows.add(difference(first.names().get(v), sets, v));
    }
    return new ParameterComparison(rows, rows.stream().allMatch(VariableDifference::bitEqual));
  }

  private static VariableDifference difference(String name, List<ParameterSet> sets, int v) {
    float[] reference = sets.get(0).values().get(v);
    double max = 0;
    boolean bitEqual = true;
    for (ParameterSet set : sets.subList(1, sets.size())) {
      float[] other = set.values().get(v);
      bitEqual &= java.util.Arrays.equals(reference, other);
      for (int j = 0; j < reference.length; j++) {
        double d = Math.abs((double) other[j] - reference[j]);
        max = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(max, d);
      }
    }
    return new VariableDifference(name, reference.length, max, bitEqual);
  }
}
