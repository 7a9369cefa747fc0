package io.swarmplay.ml.model;

import io.swarmplay.ml.data.Batch;
import io.swarmplay.ml.merge.ParameterSet;

/** The seed's model computed by hand in double precision, straight from the layer definitions. */
final class ReferenceModel {
  private ReferenceModel() {
  }

  /** @return logits [N,10] in double */
  static double[][] logits(ParameterSet p, Batch batch) {
    float[] kernel = p.values().get(0);
    float[] convBias = p.values().get(1);
    float[] dense = p.values().get(2);
    float[] denseBias = p.values().get(3);
    double[][] out = new double[batch.size()][10];
    for (int n = 0; n < batch.size(); n++) {
      double[] flat = convRelu(batch.images(), n, kernel, convBias);
      for (int k = 0; k < 10; k++) {
        double sum = denseBias[k];
        for (int i = 0; i < flat.length; i++) {
          sum += flat[i] * dense[i * 10 + k];
        }
        out[n][k] = sum;
      }
    }
    return out;
  }

  /** Conv2D 3×3 'same' (zero padding 1) + bias + ReLU, flattened row-major (y, x, filter). */
  private static double[] convRelu(float[] images, int n, float[] kernel, float[] bias) {
    double[] flat = new double[32 * 32 * 32];
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        for (int f = 0; f < 32; f++) {
          double sum = bias[f];
          for (int ky = 0; ky < 3; ky++) {
            for (int kx = 0; kx < 3; kx++) {
              int sy = y + ky - 1;
              int sx = x + kx - 1;
              if (sy < 0 || sy >= 32 || sx < 0 || sx >= 32) {
                continue;
              }
              for (int c = 0; c < 3; c++) {
                sum += images[n * 3072 + (sy * 32 + sx) * 3 + c] * (double) kernel[((ky * 3 + kx) * 3 + c) * 32 + f];
              }
            }
          }
          flat[(y * 32 + x) * 32 + f] = Math.max(0, sum);
        }
      }
    }
    return flat;
  }

  /** Numerically stable softmax of one row. */
  static double[] softmax(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double l : logits) {
      max = Math.max(max, l);
    }
    double sum = 0;
    double[] out = new double[logits.length];
    for (int k = 0; k < logits.length; k++) {
      out[k] = Math.exp(logits[k] - max);
      sum += out[k];
    }
    for (int k = 0; k < logits.length; k++) {
      out[k] /= sum;
    }
    return out;
  }

  /** −log softmax(logits)[label] via log-sum-exp. */
  static double crossEntropy(double[] logits, int label) {
    double max = Double.NEGATIVE_INFINITY;
    for (double l : logits) {
      max = Math.max(max, l);
    }
    double sum = 0;
    for (double l : logits) {
      sum += Math.exp(l - max);
    }
    return max + Math.log(sum) - logits[label];
  }
}
