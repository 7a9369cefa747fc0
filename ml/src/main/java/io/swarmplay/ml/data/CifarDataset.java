package io.swarmplay.ml.data;

import java.util.Arrays;

/**
 * CIFAR-10 images held as bytes (4× smaller than floats).
 *
 * @param pixels {@code count × 32 × 32 × 3} bytes in NHWC order (row, column, then R, G, B)
 * @param labels one class index 0..9 per image
 */
public record CifarDataset(byte[] pixels, byte[] labels) {
  /** Height and width of an image. */
  public static final int SIDE = 32;
  /** Colour channels per pixel. */
  public static final int CHANNELS = 3;
  /** Bytes (and floats) per image: 32 × 32 × 3. */
  public static final int IMAGE_SIZE = SIDE * SIDE * CHANNELS;
  /** Number of classes. */
  public static final int CLASSES = 10;

  /** Checks that the arrays agree. */
  public CifarDataset {
    if (pixels.length != labels.length * IMAGE_SIZE) {
      throw new IllegalArgumentException(
          "pixels hold " + pixels.length + " bytes, expected " + labels.length * IMAGE_SIZE);
    }
  }

  /** @return the number of images */
  public int count() {
    return labels.length;
  }

  /** @return the class of image {@code index} */
  public int label(int index) {
    return labels[index];
  }

  /**
   * The {@code index}-th of {@code count} interleaved shards (images i with i mod count = index), for
   * running several peers on one copy of the dataset.
   */
  public CifarDataset shard(int index, int count) {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("shard " + index + "/" + count + " is out of range");
    }
    int size = (count() - index + count - 1) / count;
    byte[] p = new byte[size * IMAGE_SIZE];
    byte[] l = new byte[size];
    for (int i = 0; i < size; i++) {
      int source = index + i * count;
      System.arraycopy(pixels, source * IMAGE_SIZE, p, i * IMAGE_SIZE, IMAGE_SIZE);
      l[i] = labels[source];
    }
    return new CifarDataset(p, l);
  }

  /** @return the first {@code n} images (or all if there are fewer) */
  public CifarDataset head(int n) {
    int size = Math.min(n, count());
    return new CifarDataset(Arrays.copyOf(pixels, size * IMAGE_SIZE), Arrays.copyOf(labels, size));
  }
}
