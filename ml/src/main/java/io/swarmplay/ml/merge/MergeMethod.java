package io.swarmplay.ml.merge;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The merge methods HPE Swarm Learning offers, under its names ({@code mean}, {@code coordmedian}, {@code geomedian}). */
public enum MergeMethod {
  /** Sample-weighted mean. */
  MEAN("mean"),
  /** Coordinate-wise median (unweighted, as a robust aggregate). */
  COORDMEDIAN("coordmedian"),
  /** Sample-weighted geometric median over the whole parameter vector (Weiszfeld). */
  GEOMEDIAN("geomedian");

  private final String swarmName;

  MergeMethod(String swarmName) {
    this.swarmName = swarmName;
  }

  /** @return the Swarm Learning name */
  public String swarmName() {
    return swarmName;
  }

  /** Parses a Swarm Learning name (case-insensitive). */
  public static MergeMethod parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(m -> m.swarmName.equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown merge method '" + text + "'; use mean, coordmedian or geomedian"));
  }

  /**
   * Merges contributions with this method; deterministic for a given input order.
   *
   * @throws IllegalArgumentException if the list is empty or layouts differ
   */
  public ParameterSet merge(List<Contribution> contributions) {
    return switch (this) {
      case MEAN -> Merges.weightedMean(contributions);
      case COORDMEDIAN -> Merges.coordinateMedian(contributions);
      case GEOMEDIAN -> Merges.geometricMedian(contributions, Merges.WEISZFELD_ITERATIONS, Merges.WEISZFELD_TOLERANCE);
    };
  }
}
