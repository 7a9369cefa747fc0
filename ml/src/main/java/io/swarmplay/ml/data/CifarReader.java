package io.swarmplay.ml.data;

import io.swarmplay.ml.MlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the CIFAR-10 binary format from a data location: a directory holding the {@code .bin} files,
 * a directory holding {@code cifar-10-batches-bin/} or {@code cifar-10-binary.tar.gz}, or the archive
 * itself. Never downloads anything. Every problem becomes an {@link MlException} naming the file
 * (and the byte offset where it applies).
 */
public final class CifarReader {
  /** Where users get the dataset (documented only, never fetched at run time). */
  public static final String DOWNLOAD_URL = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz";

  private CifarReader() {
  }

  /** Reads training and test sets (an archive is decompressed once). */
  public static CifarSplits readSplits(Path location) {
    List<String> names = new ArrayList<>(CifarFiles.TRAIN);
    names.addAll(CifarFiles.TEST);
    Map<String, NamedBytes> files = load(location, names);
    return new CifarSplits(decodeAll(files, CifarFiles.TRAIN), decodeAll(files, CifarFiles.TEST));
  }

  /** Reads only the test set ({@code test_batch.bin}). */
  public static CifarDataset readTest(Path location) {
    return decodeAll(load(location, CifarFiles.TEST), CifarFiles.TEST);
  }

  /**
   * Decodes records of one file into NHWC order.
   *
   * @param name the file name used in error messages
   * @param content the whole file
   * @throws MlException if the size is not a whole number of 3073-byte records or a label exceeds 9
   */
  public static CifarDataset decode(String name, byte[] content) {
    int recordSize = CifarFiles.RECORD_SIZE;
    if (content.length % recordSize != 0) {
      throw new MlException(String.format(
          "%s: size %d bytes is not a whole number of %d-byte CIFAR-10 records (partial record at offset %d);"
              + " the file is truncated or not in the CIFAR-10 binary format (%s)",
          name, content.length, recordSize, content.length / recordSize * (long) recordSize, DOWNLOAD_URL));
    }
    int count = content.length / recordSize;
    byte[] pixels = new byte[count * CifarDataset.IMAGE_SIZE];
    byte[] labels = new byte[count];
    for (int r = 0; r < count; r++) {
      labels[r] = checkedLabel(name, content, r);
      planesToNhwc(content, r * recordSize + 1, pixels, r * CifarDataset.IMAGE_SIZE);
    }
    return new CifarDataset(pixels, labels);
  }

  private static byte checkedLabel(String name, byte[] content, int record) {
    long offset = (long) record * CifarFiles.RECORD_SIZE;
    int label = content[(int) offset] & 0xff;
    if (label > 9) {
      throw new MlException(String.format(
          "%s: record %d at offset %d has label %d, but CIFAR-10 labels are 0..9;"
              + " the file is corrupt or not in the CIFAR-10 binary format", name, record, offset, label));
    }
    return (byte) label;
  }

  private static void planesToNhwc(byte[] src, int from, byte[] dst, int to) {
    int plane = CifarDataset.SIDE * CifarDataset.SIDE;
    for (int p = 0; p < plane; p++) {
      for (int c = 0; c < CifarDataset.CHANNELS; c++) {
        dst[to + p * CifarDataset.CHANNELS + c] = src[from + c * plane + p];
      }
    }
  }

  private static CifarDataset decodeAll(Map<String, NamedBytes> files, List<String> names) {
    List<CifarDataset> parts = new ArrayList<>();
    for (String name : names) {
      NamedBytes file = files.get(name);
      parts.add(decode(file.displayName(), file.content()));
    }
    return concat(parts);
  }

  private static CifarDataset concat(List<CifarDataset> parts) {
    int total = parts.stream().mapToInt(CifarDataset::count).sum();
    byte[] pixels = new byte[total * CifarDataset.IMAGE_SIZE];
    byte[] labels = new byte[total];
    int at = 0;
    for (CifarDataset part : parts) {
      System.arraycopy(part.pixels(), 0, pixels, at * CifarDataset.IMAGE_SIZE, part.pixels().length);
      System.arraycopy(part.labels(), 0, labels, at, part.count());
      at += part.count();
    }
    return new CifarDataset(pixels, labels);
  }

  private static Map<String, NamedBytes> load(Path location, List<String> names) {
    Path source = resolve(location);
    try {
      return Files.isDirectory(source) ? loadDirectory(source, names) : TarGzFiles.load(source, names);
    } catch (IOException e) {
      throw new MlException("cannot read CIFAR-10 data from " + source + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, NamedBytes> loadDirectory(Path dir, List<String> names) throws IOException {
    Map<String, NamedBytes> files = new LinkedHashMap<>();
    for (String name : names) {
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file)) {
        throw new MlException(file + ": missing CIFAR-10 file; " + expectation(dir));
      }
      files.put(name, new NamedBytes(file.toString(), Files.readAllBytes(file)));
    }
    return files;
  }

  private static Path resolve(Path location) {
    if (!Files.exists(location)) {
      throw new MlException("data location " + location + " does not exist; " + expectation(location));
    }
    if (!Files.isDirectory(location)) {
      return location;
    }
    if (Files.exists(location.resolve(CifarFiles.TEST.get(0))) || Files.exists(location.resolve(CifarFiles.TRAIN.get(0)))) {
      return location;
    }
    if (Files.isDirectory(location.resolve(CifarFiles.ARCHIVE_DIR))) {
      return location.resolve(CifarFiles.ARCHIVE_DIR);
    }
    if (Files.isRegularFile(location.resolve(CifarFiles.ARCHIVE))) {
      return location.resolve(CifarFiles.ARCHIVE);
    }
    throw new MlException("data location " + location + " holds no CIFAR-10 binary files; " + expectation(location));
  }

  private static String expectation(Path location) {
    return "expected data_batch_1..5.bin and test_batch.bin in " + location + " (or a " + CifarFiles.ARCHIVE_DIR
        + "/ directory, or " + CifarFiles.ARCHIVE + "); download the binary version from " + DOWNLOAD_URL;
  }

  /** A file's content with the name to show in messages. */
  record NamedBytes(String displayName, byte[] content) {
  }
}
