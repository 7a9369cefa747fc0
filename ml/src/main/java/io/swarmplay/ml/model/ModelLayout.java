package io.swarmplay.ml.model;

import io.swarmplay.ml.data.CifarDataset;
import java.util.List;

/**
 * The seed's Keras model: Conv2D(32, 3×3, same) + ReLU, Flatten, Dense(10), softmax; its trainable
 * variables and the hyper-parameters of its optimiser (Keras 2.7 RMSprop).
 */
public final class ModelLayout {
  /** Convolution filters. */
  public static final int FILTERS = 32;
  /** Convolution kernel side. */
  public static final int KERNEL = 3;
  /** Length of the flattened convolution output: 32 × 32 × 32. */
  public static final int FLAT = CifarDataset.SIDE * CifarDataset.SIDE * FILTERS;
  /** Trainable variables, in merge/save order. */
  public static final List<VariableSpec> VARIABLES = List.of(
      new VariableSpec("conv2d_kernel", new long[] {KERNEL, KERNEL, CifarDataset.CHANNELS, FILTERS},
          KERNEL * KERNEL * CifarDataset.CHANNELS, KERNEL * KERNEL * FILTERS),
      new VariableSpec("conv2d_bias", new long[] {FILTERS}, 0, 0),
      new VariableSpec("dense_kernel", new long[] {FLAT, CifarDataset.CLASSES}, FLAT, CifarDataset.CLASSES),
      new VariableSpec("dense_bias", new long[] {CifarDataset.CLASSES}, 0, 0));
  /** RMSprop learning rate. */
  public static final float LEARNING_RATE = 1e-4f;
  /** RMSprop discounting factor rho. */
  public static final float RHO = 0.9f;
  /** RMSprop epsilon, added outside the square root. */
  public static final float EPSILON = 1e-7f;
  /** Legacy time-based decay: lr / (1 + decay · iterations). */
  public static final float DECAY = 1e-6f;
  /** Signature input key, as in a Keras export of the seed's model. */
  public static final String INPUT_KEY = "conv2d_input";
  /** Signature output key, as in a Keras export of the seed's model. */
  public static final String OUTPUT_KEY = "activation_1";

  private ModelLayout() {
  }

  /**
   * A trainable variable.
   *
   * @param name variable name
   * @param shape its shape
   * @param fanIn Keras fan-in (0 for biases, which start at zero)
   * @param fanOut Keras fan-out
   */
  public record VariableSpec(String name, long[] shape, int fanIn, int fanOut) {
    /** @return whether this is a kernel (Glorot-uniform) rather than a bias (zeros) */
    public boolean isKernel() {
      return fanIn > 0;
    }

    /** @return the Keras Glorot-uniform limit sqrt(6 / (fan_in + fan_out)) */
    public double glorotLimit() {
      return Math.sqrt(6.0 / (fanIn + fanOut));
    }

    /** @return the number of elements */
    public int size() {
      long n = 1;
      for (long d : shape) {
        n *= d;
      }
      return (int) n;
    }
  }
}
