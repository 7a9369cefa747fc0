package io.swarmplay.ml.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes small, learnable CIFAR-10 files in the exact binary format: the class is colour (k mod 5)
 * × stripe orientation (k / 5), with random stripe period and phase, brightness jitter and pixel noise.
 */
public final class SyntheticCifar {
  private static final int[][] PALETTE = {{220, 40, 40}, {40, 200, 40}, {40, 60, 220}, {220, 210, 40}, {200, 40, 210}};

  private SyntheticCifar() {
  }

  /**
   * Writes {@code data_batch_1..5.bin} with {@code perTrainFile} records each and {@code test_batch.bin}
   * with {@code testRecords} records.
   */
  public static void write(Path dir, int perTrainFile, int testRecords, long seed) throws IOException {
    Files.createDirectories(dir);
    Random random = new Random(seed);
    for (String name : CifarFiles.TRAIN) {
      Files.write(dir.resolve(name), records(perTrainFile, random));
    }
    Files.write(dir.resolve(CifarFiles.TEST.get(0)), records(testRecords, random));
  }

  /** @return {@code count} records with uniformly random classes */
  public static byte[] records(int count, Random random) {
    byte[] out = new byte[count * CifarFiles.RECORD_SIZE];
    for (int r = 0; r < count; r++) {
      int label = random.nextInt(10);
      out[r * CifarFiles.RECORD_SIZE] = (byte) label;
      image(label, random, out, r * CifarFiles.RECORD_SIZE + 1);
    }
    return out;
  }

  private static void image(int label, Random random, byte[] out, int at) {
    int[] colour = PALETTE[label % 5];
    boolean vertical = label >= 5;
    int period = 4 + random.nextInt(5);
    int phase = random.nextInt(period);
    double brightness = 0.75 + 0.25 * random.nextDouble();
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < 32; y++) {
        for (int x = 0; x < 32; x++) {
          int coord = vertical ? x : y;
          double stripe = ((coord + phase) % period) < period / 2 ? 1.0 : 0.35;
          double value = colour[c] * brightness * stripe + random.nextGaussian() * 12;
          out[at + c * 1024 + y * 32 + x] = (byte) Math.max(0, Math.min(255, (int) Math.round(value)));
        }
      }
    }
  }

  /** {@code java SyntheticCifar.java DIR PER_TRAIN_FILE TEST_RECORDS [SEED]}: writes a synthetic dataset. */
  public static void main(String[] args) throws IOException {
    write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), args.length > 3 ? Long.parseLong(args[3]) : 1);
  }
}
