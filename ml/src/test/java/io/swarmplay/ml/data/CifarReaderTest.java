package io.swarmplay.ml.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swarmplay.ml.MlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarReaderTest {
  @TempDir
  Path tmp;

  /** One record whose R, G, B planes hold distinct values at pixel (row 2, column 5). */
  private static byte[] knownRecord(int label) {
    byte[] r = new byte[CifarFiles.RECORD_SIZE];
    r[0] = (byte) label;
    int p = 2 * 32 + 5;
    r[1 + p] = 10;
    r[1 + 1024 + p] = 20;
    r[1 + 2048 + p] = (byte) 200;
    return r;
  }

  @Test
  void decodesPlanesIntoNhwcAndKeepsLabels() {
    CifarDataset d = CifarReader.decode("x.bin", TarWriter.concat(knownRecord(3), knownRecord(9)));
    assertEquals(2, d.count());
    assertEquals(3, d.label(0));
    assertEquals(9, d.label(1));
    int at = CifarDataset.IMAGE_SIZE + (2 * 32 + 5) * 3;
    assertArrayEquals(new byte[] {10, 20, (byte) 200}, java.util.Arrays.copyOfRange(d.pixels(), at, at + 3));
    assertEquals(6, java.util.stream.IntStream.range(0, d.pixels().length).filter(i -> d.pixels()[i] != 0).count());
  }

  @Test
  void readsDirectoryWithAnyWholeNumberOfRecordsPerFile() throws IOException {
    SyntheticCifar.write(tmp, 7, 5, 1);
    CifarSplits splits = CifarReader.readSplits(tmp);
    assertEquals(35, splits.train().count());
    assertEquals(5, splits.test().count());
    byte[] first = Files.readAllBytes(tmp.resolve("data_batch_1.bin"));
    assertEquals(first[0], splits.train().labels()[0]);
  }

  @Test
  void readsTheArchiveDirectlyOrInsideTheDataDirectory() throws IOException {
    Path plain = tmp.resolve("plain");
    SyntheticCifar.write(plain, 4, 3, 2);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("cifar-10-batches-bin/batches.meta.txt", "airplane\n".getBytes());
    for (String name : CifarFiles.TRAIN) {
      entries.put("cifar-10-batches-bin/" + name, Files.readAllBytes(plain.resolve(name)));
    }
    entries.put("cifar-10-batches-bin/test_batch.bin", Files.readAllBytes(plain.resolve("test_batch.bin")));
    Path dir = Files.createDirectories(tmp.resolve("archive"));
    TarWriter.writeTarGz(dir.resolve(CifarFiles.ARCHIVE), entries);

    CifarSplits expected = CifarReader.readSplits(plain);
    for (Path location : new Path[] {dir, dir.resolve(CifarFiles.ARCHIVE)}) {
      CifarSplits fromArchive = CifarReader.readSplits(location);
      assertArrayEquals(expected.train().pixels(), fromArchive.train().pixels());
      assertArrayEquals(expected.test().labels(), fromArchive.test().labels());
    }
    assertEquals(3, CifarReader.readTest(dir).count());
  }

  @Test
  void readsTheUnpackedArchiveDirectory() throws IOException {
    SyntheticCifar.write(tmp.resolve(CifarFiles.ARCHIVE_DIR), 2, 2, 3);
    assertEquals(10, CifarReader.readSplits(tmp).train().count());
  }

  @Test
  void wrongSizeNamesFileAndOffset() throws IOException {
    SyntheticCifar.write(tmp, 2, 2, 4);
    Path file = tmp.resolve("data_batch_3.bin");
    Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), 2 * 3073 - 100));
    MlException e = assertThrows(MlException.class, () -> CifarReader.readSplits(tmp));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("offset 3073"), e.getMessage());
    assertTrue(e.getMessage().contains("6046 bytes"), e.getMessage());
  }

  @Test
  void labelAboveNineNamesFileRecordAndOffset() throws IOException {
    SyntheticCifar.write(tmp, 3, 2, 5);
    Path file = tmp.resolve("test_batch.bin");
    byte[] content = Files.readAllBytes(file);
    content[3073] = 12;
    Files.write(file, content);
    MlException e = assertThrows(MlException.class, () -> CifarReader.readTest(tmp));
    assertTrue(e.getMessage().contains(file + ": record 1 at offset 3073 has label 12"), e.getMessage());
  }

  @Test
  void missingFileIsNamed() throws IOException {
    SyntheticCifar.write(tmp, 1, 1, 6);
    Files.delete(tmp.resolve("data_batch_4.bin"));
    MlException e = assertThrows(MlException.class, () -> CifarReader.readSplits(tmp));
    assertTrue(e.getMessage().contains("data_batch_4.bin: missing CIFAR-10 file"), e.getMessage());
    assertTrue(e.getMessage().contains(CifarReader.DOWNLOAD_URL), e.getMessage());
  }

  @Test
  void emptyOrMissingLocationSaysWhatIsExpected() {
    MlException empty = assertThrows(MlException.class, () -> CifarReader.readSplits(tmp));
    assertTrue(empty.getMessage().contains("holds no CIFAR-10 binary files"), empty.getMessage());
    MlException missing = assertThrows(MlException.class, () -> CifarReader.readSplits(tmp.resolve("nope")));
    assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
  }

  @Test
  void truncatedArchiveIsReported() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("cifar-10-batches-bin/test_batch.bin", SyntheticCifar.records(20, new Random(1)));
    Path archive = tmp.resolve(CifarFiles.ARCHIVE);
    TarWriter.writeTarGz(archive, entries);
    byte[] bytes = Files.readAllBytes(archive);
    Files.write(archive, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    MlException e = assertThrows(MlException.class, () -> CifarReader.readTest(archive));
    assertTrue(e.getMessage().contains(archive + ": truncated or corrupt archive"), e.getMessage());
  }

  @Test
  void archiveWithoutAFileNamesIt() throws IOException {
    Path archive = tmp.resolve(CifarFiles.ARCHIVE);
    TarWriter.writeTarGz(archive, Map.of("cifar-10-batches-bin/test_batch.bin", SyntheticCifar.records(2, new Random(1))));
    MlException e = assertThrows(MlException.class, () -> CifarReader.readSplits(archive));
    assertTrue(e.getMessage().contains("the archive has no data_batch_1.bin"), e.getMessage());
  }

  @Test
  void shardsAreInterleavedAndCoverEverything() {
    CifarDataset d = CifarReader.decode("x", SyntheticCifar.records(10, new Random(2)));
    CifarDataset a = d.shard(0, 3);
    CifarDataset b = d.shard(1, 3);
    CifarDataset c = d.shard(2, 3);
    assertEquals(10, a.count() + b.count() + c.count());
    assertEquals(d.label(4), b.label(1));
    assertArrayEquals(java.util.Arrays.copyOfRange(d.pixels(), 5 * 3072, 6 * 3072),
        java.util.Arrays.copyOfRange(c.pixels(), 3072, 2 * 3072));
  }
}
