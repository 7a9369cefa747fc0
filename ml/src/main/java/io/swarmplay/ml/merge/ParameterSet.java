package io.swarmplay.ml.merge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The trainable parameters of a model as plain arrays, in a fixed order.
 *
 * @param names variable names (for messages and files)
 * @param values one flat row-major array per variable
 */
public record ParameterSet(List<String> names, List<float[]> values) {
  /** Copies the lists (not the arrays) and checks they agree. */
  public ParameterSet {
    names = List.copyOf(names);
    values = List.copyOf(values);
    if (names.size() != values.size()) {
      throw new IllegalArgumentException(names.size() + " names for " + values.size() + " arrays");
    }
  }

  /** @return the total number of floats */
  public long size() {
    return values.stream().mapToLong(v -> v.length).sum();
  }

  /** @return a deep copy */
  public ParameterSet copy() {
    List<float[]> copies = new ArrayList<>();
    values.forEach(v -> copies.add(v.clone()));
    return new ParameterSet(names, copies);
  }

  /** @return whether {@code other} has the same names and array lengths */
  public boolean sameLayout(ParameterSet other) {
    if (!names.equals(other.names)) {
      return false;
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).length != other.values.get(i).length) {
        return false;
      }
    }
    return true;
  }

  /** @return whether both hold the same names and bit-identical values */
  public boolean bitEquals(ParameterSet other) {
    if (!sameLayout(other)) {
      return false;
    }
    for (int i = 0; i < values.size(); i++) {
      if (!Arrays.equals(values.get(i), other.values.get(i))) {
        return false;
      }
    }
    return true;
  }
}
