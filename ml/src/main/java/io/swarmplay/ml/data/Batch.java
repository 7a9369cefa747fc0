package io.swarmplay.ml.data;

/**
 * One batch as the model consumes it.
 *
 * @param images {@code size × 32 × 32 × 3} floats in [0, 1], NHWC
 * @param oneHot {@code size × 10} one-hot labels
 * @param labels the class index of each image
 */
public record Batch(float[] images, float[] oneHot, int[] labels) {
  /** pixel / 255f for every byte value (the same float division, looked up). */
  private static final float[] SCALED = new float[256];

  static {
    for (int i = 0; i < SCALED.length; i++) {
      SCALED[i] = i / 255f;
    }
  }

  /** Checks that the arrays agree. */
  public Batch {
    if (images.length != labels.length * CifarDataset.IMAGE_SIZE
        || oneHot.length != labels.length * CifarDataset.CLASSES) {
      throw new IllegalArgumentException("inconsistent batch arrays for " + labels.length + " images");
    }
  }

  /** @return the number of images */
  public int size() {
    return labels.length;
  }

  /**
   * Scales the selected images to [0, 1] (pixel / 255 in float, as the seed's program does) and
   * one-hot encodes their labels.
   *
   * @param data the dataset
   * @param indices the images to take, in order
   * @param from first position in {@code indices}
   * @param to position after the last one
   */
  public static Batch of(CifarDataset data, int[] indices, int from, int to) {
    int n = to - from;
    float[] x = new float[n * CifarDataset.IMAGE_SIZE];
    float[] y = new float[n * CifarDataset.CLASSES];
    int[] labels = new int[n];
    byte[] pixels = data.pixels();
    for (int i = 0; i < n; i++) {
      int image = indices[from + i];
      int src = image * CifarDataset.IMAGE_SIZE;
      int dst = i * CifarDataset.IMAGE_SIZE;
      for (int k = 0; k < CifarDataset.IMAGE_SIZE; k++) {
        x[dst + k] = SCALED[pixels[src + k] & 0xff];
      }
      labels[i] = data.label(image);
      y[i * CifarDataset.CLASSES + labels[i]] = 1f;
    }
    return new Batch(x, y, labels);
  }

  /** The images {@code from..to-1} of {@code data} in their stored order. */
  public static Batch range(CifarDataset data, int from, int to) {
    return of(data, java.util.stream.IntStream.range(from, to).toArray(), 0, to - from);
  }
}
