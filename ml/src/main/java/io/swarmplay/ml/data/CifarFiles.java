package io.swarmplay.ml.data;

import java.util.List;
import java.util.stream.IntStream;

/** Names of the CIFAR-10 binary files and of the archive that holds them. */
public final class CifarFiles {
  /** The archive users download: https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz. */
  public static final String ARCHIVE = "cifar-10-binary.tar.gz";
  /** The directory the archive unpacks to. */
  public static final String ARCHIVE_DIR = "cifar-10-batches-bin";
  /** The five training files. */
  public static final List<String> TRAIN =
      IntStream.rangeClosed(1, 5).mapToObj(i -> "data_batch_" + i + ".bin").toList();
  /** The test file. */
  public static final List<String> TEST = List.of("test_batch.bin");
  /** Bytes per record: one label byte, then 1024 R, 1024 G and 1024 B bytes. */
  public static final int RECORD_SIZE = 1 + CifarDataset.IMAGE_SIZE;

  private CifarFiles() {
  }
}
