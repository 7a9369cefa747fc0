package io.swarmplay.ml.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swarmplay.ml.data.Batch;
import io.swarmplay.ml.merge.ParameterSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Cifar10ModelTest {
  private static final double LR = 1e-4;
  private static final double EPS = 1e-7;
  private static final double ONE_MINUS_RHO = 1f - 0.9f;

  @Test
  void kernelsAreKerasGlorotUniformAndBiasesZero() {
    try (Cifar10Model model = Cifar10Model.create(7, ThreadConfig.SINGLE)) {
      ParameterSet p = model.parameters();
      assertEquals(List.of("conv2d_kernel", "conv2d_bias", "dense_kernel", "dense_bias"), p.names());
      for (int i = 0; i < p.names().size(); i++) {
        ModelLayout.VariableSpec spec = ModelLayout.VARIABLES.get(i);
        float[] v = p.values().get(i);
        assertEquals(spec.size(), v.length);
        if (spec.isKernel()) {
          assertUniformWithin(v, spec.glorotLimit(), spec.name());
        } else {
          for (float f : v) {
            assertEquals(0f, f, spec.name());
          }
        }
      }
      assertEquals(Math.sqrt(6.0 / (27 + 288)), ModelLayout.VARIABLES.get(0).glorotLimit(), 1e-12);
      assertEquals(Math.sqrt(6.0 / (32768 + 10)), ModelLayout.VARIABLES.get(2).glorotLimit(), 1e-12);
    }
  }

  private static void assertUniformWithin(float[] v, double limit, String name) {
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    double absSum = 0;
    double sum = 0;
    for (float f : v) {
      min = Math.min(min, f);
      max = Math.max(max, f);
      absSum += Math.abs(f);
      sum += f;
    }
    double tolerance = v.length > 10_000 ? 0.02 : 0.12;
    assertTrue(min >= -limit && max <= limit, name + " within ±" + limit + ": [" + min + ", " + max + "]");
    assertTrue(min < -0.95 * limit && max > 0.95 * limit, name + " spans the range: [" + min + ", " + max + "]");
    assertEquals(0.5, absSum / v.length / limit, tolerance, name + ": mean |w| of U(-l, l) is l/2");
    assertEquals(0.0, sum / v.length / limit, tolerance, name + ": centred on 0");
  }

  @Test
  void sameSeedSameWeightsOtherSeedOtherWeights() {
    try (Cifar10Model a = Cifar10Model.create(3, ThreadConfig.SINGLE);
        Cifar10Model b = Cifar10Model.create(3, ThreadConfig.SINGLE);
        Cifar10Model c = Cifar10Model.create(4, ThreadConfig.SINGLE)) {
      assertTrue(a.parameters().bitEquals(b.parameters()));
      assertFalse(a.parameters().bitEquals(c.parameters()));
    }
  }

  @Test
  void forwardPassEqualsAHandComputedOne() {
    Random random = new Random(11);
    Batch batch = TestBatches.synthetic(2, 5);
    try (Cifar10Model model = Cifar10Model.create(1, ThreadConfig.SINGLE)) {
      ParameterSet p = randomParameters(model.parameters(), random, 0.05f);
      model.setParameters(p);
      Forward f = model.forward(batch);
      double[][] logits = ReferenceModel.logits(p, batch);
      double loss = 0;
      for (int n = 0; n < batch.size(); n++) {
        double[] probs = ReferenceModel.softmax(logits[n]);
        for (int k = 0; k < 10; k++) {
          assertEquals(logits[n][k], f.logits()[n * 10 + k], 1e-4 * (1 + Math.abs(logits[n][k])), "logit " + n + "," + k);
          assertEquals(probs[k], f.probabilities()[n * 10 + k], 1e-5, "probability " + n + "," + k);
        }
        loss += ReferenceModel.crossEntropy(logits[n], batch.labels()[n]) / batch.size();
      }
      assertEquals(loss, f.meanLoss(), 1e-5 * (1 + loss));
    }
  }

  @Test
  void softmaxAndCrossEntropyMatchDoublePrecisionEvenForExtremeLogits() {
    Batch batch = TestBatches.synthetic(4, 6);
    try (Cifar10Model model = Cifar10Model.create(1, ThreadConfig.SINGLE)) {
      ParameterSet p = model.parameters().copy();
      float[] bias = p.values().get(3);
      for (int k = 0; k < 10; k++) {
        bias[k] = (k - 4.5f) * 12f; // logits spread over ±54: naive exp() in float would overflow
      }
      model.setParameters(p);
      Forward f = model.forward(batch);
      double[][] logits = ReferenceModel.logits(p, batch);
      double loss = 0;
      for (int n = 0; n < batch.size(); n++) {
        double[] probs = ReferenceModel.softmax(logits[n]);
        for (int k = 0; k < 10; k++) {
          assertEquals(probs[k], f.probabilities()[n * 10 + k], 1e-6);
        }
        loss += ReferenceModel.crossEntropy(logits[n], batch.labels()[n]) / batch.size();
      }
      assertTrue(loss > 10, "large losses are exercised: " + loss);
      assertEquals(loss, f.meanLoss(), 1e-5 * loss);
    }
  }

  @Test
  void firstTwoStepsFollowKerasRmsProp() {
    Batch first = TestBatches.synthetic(32, 1);
    Batch second = TestBatches.synthetic(32, 2);
    try (Cifar10Model model = Cifar10Model.create(5, ThreadConfig.SINGLE)) {
      ParameterSet before = model.parameters();
      List<float[]> g1 = model.gradients(first);
      model.train(first);
      ParameterSet afterFirst = model.parameters();
      int large = 0;
      for (int v = 0; v < 4; v++) {
        for (int j = 0; j < g1.get(v).length; j++) {
          double g = g1.get(v)[j];
          double expected = LR * g / (Math.sqrt(ONE_MINUS_RHO * g * g) + EPS);
          double delta = before.values().get(v)[j] - (double) afterFirst.values().get(v)[j];
          assertEquals(expected, delta, 2e-3 * Math.abs(expected) + 2 * Math.ulp(before.values().get(v)[j]), "step 1, variable " + v + "[" + j + "]");
          if (Math.abs(g) > 1e-3) {
            large++;
            assertEquals(LR / Math.sqrt(0.1), Math.abs(delta), 1e-3 * LR / Math.sqrt(0.1), "lr/sqrt(1-rho)");
          }
        }
      }
      assertTrue(large > 1000, "many parameters move by lr/sqrt(1-rho): " + large);
      List<float[]> g2 = model.gradients(second);
      model.train(second);
      ParameterSet afterSecond = model.parameters();
      double lr2 = LR / (1 + 1e-6 * 1);
      for (int v = 0; v < 4; v++) {
        for (int j = 0; j < g2.get(v).length; j += 7) {
          double rms = 0.9 * ONE_MINUS_RHO * g1.get(v)[j] * g1.get(v)[j] + ONE_MINUS_RHO * g2.get(v)[j] * g2.get(v)[j];
          double expected = lr2 * g2.get(v)[j] / (Math.sqrt(rms) + EPS);
          double delta = afterFirst.values().get(v)[j] - (double) afterSecond.values().get(v)[j];
          assertEquals(expected, delta, 2e-3 * Math.abs(expected) + 2 * Math.ulp(afterFirst.values().get(v)[j]), "step 2, variable " + v + "[" + j + "]");
        }
      }
    }
  }

  @Test
  void parametersRoundTripAndWrongLayoutsAreRejected() {
    try (Cifar10Model model = Cifar10Model.create(1, ThreadConfig.SINGLE)) {
      ParameterSet p = randomParameters(model.parameters(), new Random(2), 1f);
      model.setParameters(p);
      assertTrue(p.bitEquals(model.parameters()));
      ParameterSet wrong = new ParameterSet(p.names(), List.of(new float[1], new float[32], new float[327680], new float[10]));
      assertThrows(IllegalArgumentException.class, () -> model.setParameters(wrong));
    }
  }

  @Test
  void trainingReducesTheLossOnABatch() {
    Batch batch = TestBatches.synthetic(32, 9);
    try (Cifar10Model model = Cifar10Model.create(1, ThreadConfig.SINGLE)) {
      float start = model.train(batch).meanLoss();
      for (int i = 0; i < 30; i++) {
        model.train(batch);
      }
      assertTrue(model.forward(batch).meanLoss() < start / 2, "loss halves on a repeated batch");
    }
  }

  static ParameterSet randomParameters(ParameterSet layout, Random random, float scale) {
    List<float[]> values = new ArrayList<>();
    for (float[] v : layout.values()) {
      float[] r = new float[v.length];
      for (int j = 0; j < r.length; j++) {
        r[j] = (float) (random.nextGaussian() * scale);
      }
      values.add(r);
    }
    return new ParameterSet(layout.names(), values);
  }
}
