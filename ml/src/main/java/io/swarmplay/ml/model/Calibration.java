package io.swarmplay.ml.model;

import java.util.Arrays;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * The machine's ceiling for comparison: a large square float matmul through the same TensorFlow
 * build (oneDNN), so that throughput figures from different machines can be put side by side.
 */
public final class Calibration {
  private Calibration() {
  }

  /**
   * @param size matrix side (2048 in the bench)
   * @param runs timed runs after one warm-up; the median is reported
   * @return GFLOP/s (2·size³ per run)
   */
  public static double matmulGflops(int size, int runs, ThreadConfig threads) {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> a = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(size, size)));
      MatMul<TFloat32> product = tf.linalg.matMul(a, a);
      float[] values = new float[size * size];
      Random random = new Random(1);
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextFloat();
      }
      try (Session session = new Session(graph, threads.toProto());
          TFloat32 input = Tensors.of(Shape.of(size, size), values)) {
        double[] seconds = new double[runs + 1];
        for (int r = 0; r <= runs; r++) {
          long start = System.nanoTime();
          session.runner().feed(a, input).fetch(product).run().close();
          seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        double[] timed = Arrays.copyOfRange(seconds, 1, seconds.length);
        Arrays.sort(timed);
        return 2.0 * size * size * size / timed[runs / 2] / 1e9;
      }
    }
  }
}
