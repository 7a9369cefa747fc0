package io.swarmplay.ml.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BatchTest {
  @Test
  void scalesPixelsByOneOver255AndOneHotEncodesLabels() {
    byte[] pixels = new byte[2 * CifarDataset.IMAGE_SIZE];
    pixels[0] = (byte) 255;
    pixels[1] = (byte) 128;
    pixels[CifarDataset.IMAGE_SIZE + 7] = 51;
    CifarDataset data = new CifarDataset(pixels, new byte[] {4, 7});
    Batch batch = Batch.of(data, new int[] {1, 0}, 0, 2);
    assertArrayEquals(new int[] {7, 4}, batch.labels());
    assertEquals(51 / 255f, batch.images()[7]);
    assertEquals(1f, batch.images()[CifarDataset.IMAGE_SIZE]);
    assertEquals(128 / 255f, batch.images()[CifarDataset.IMAGE_SIZE + 1]);
    float[] expected = new float[20];
    expected[7] = 1;
    expected[10 + 4] = 1;
    assertArrayEquals(expected, batch.oneHot());
  }

  @Test
  void rangeTakesStoredOrder() {
    CifarDataset data = new CifarDataset(new byte[3 * CifarDataset.IMAGE_SIZE], new byte[] {1, 2, 3});
    assertArrayEquals(new int[] {2, 3}, Batch.range(data, 1, 3).labels());
  }
}
