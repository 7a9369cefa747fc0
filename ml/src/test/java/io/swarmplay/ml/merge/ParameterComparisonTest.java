package io.swarmplay.ml.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterComparisonTest {
  private static ParameterSet set(float a, float b) {
    return new ParameterSet(List.of("x", "y"), List.of(new float[] {1f, a}, new float[] {b}));
  }

  @Test
  void identicalSetsAreBitEqual() {
    ParameterComparison c = ParameterComparison.of(List.of(set(2f, 3f), set(2f, 3f), set(2f, 3f)));
    assertTrue(c.identical());
    assertEquals(0.0, c.variables().get(0).maxAbsDifference());
  }

  @Test
  void reportsTheLargestDifferencePerVariable() {
    ParameterComparison c = ParameterComparison.of(List.of(set(2f, 3f), set(2.5f, 3f), set(1.75f, 3f)));
    assertFalse(c.identical());
    assertEquals(0.5, c.variables().get(0).maxAbsDifference(), 1e-9);
    assertFalse(c.variables().get(0).bitEqual());
    assertTrue(c.variables().get(1).bitEqual());
  }

  @Test
  void negativeZeroIsNotBitEqualAndNanIsInfinitelyFar() {
    ParameterComparison zero = ParameterComparison.of(List.of(set(0f, 1f), set(-0f, 1f)));
    assertFalse(zero.identical());
    assertEquals(0.0, zero.variables().get(0).maxAbsDifference());
    ParameterComparison nan = ParameterComparison.of(List.of(set(0f, 1f), set(Float.NaN, 1f)));
    assertEquals(Double.POSITIVE_INFINITY, nan.variables().get(0).maxAbsDifference());
  }

  @Test
  void needsTwoSetsOfTheSameLayout() {
    assertThrows(IllegalArgumentException.class, () -> ParameterComparison.of(List.of(set(1f, 1f))));
    ParameterSet other = new ParameterSet(List.of("x"), List.of(new float[] {1f, 2f}));
    assertThrows(IllegalArgumentException.class, () -> ParameterComparison.of(List.of(set(1f, 1f), other)));
  }
}
