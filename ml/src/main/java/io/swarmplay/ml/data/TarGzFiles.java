package io.swarmplay.ml.data;

import io.swarmplay.ml.MlException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Extracts named files (matched by base name) from a {@code .tar.gz} archive, in memory. */
final class TarGzFiles {
  private static final int BLOCK = 512;

  private TarGzFiles() {
  }

  /**
   * @return the wanted files by base name
   * @throws MlException if the archive is corrupt or lacks one of them
   */
  static Map<String, CifarReader.NamedBytes> load(Path archive, List<String> wanted) throws IOException {
    Map<String, CifarReader.NamedBytes> found = new HashMap<>();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(
        new GZIPInputStream(Files.newInputStream(archive), 1 << 16), 1 << 16))) {
      readEntries(archive, in, wanted, found);
    } catch (EOFException | java.util.zip.ZipException e) {
      throw new MlException(archive + ": truncated or corrupt archive (" + e.getMessage()
          + "); download it again from " + CifarReader.DOWNLOAD_URL, e);
    }
    for (String name : wanted) {
      if (!found.containsKey(name)) {
        throw new MlException(archive + ": the archive has no " + name + "; expected the CIFAR-10 binary archive from "
            + CifarReader.DOWNLOAD_URL);
      }
    }
    return found;
  }

  private static void readEntries(Path archive, DataInputStream in, List<String> wanted,
      Map<String, CifarReader.NamedBytes> found) throws IOException {
    byte[] header = new byte[BLOCK];
    String longName = null;
    while (found.size() < wanted.size()) {
      in.readFully(header);
      if (header[0] == 0) {
        return;
      }
      long size = octal(header, 124, 12);
      char type = (char) header[156];
      String name = longName != null ? longName : entryName(header);
      longName = null;
      byte[] content = type == 'L' || (isFile(type) && wanted.contains(baseName(name))) ? readBytes(in, size) : null;
      if (content == null) {
        in.skipNBytes(size);
      } else if (type == 'L') {
        longName = cString(content, 0, content.length);
      } else {
        found.put(baseName(name), new CifarReader.NamedBytes(archive + "!" + name, content));
      }
      in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
    }
  }

  private static byte[] readBytes(InputStream in, long size) throws IOException {
    if (size > Integer.MAX_VALUE - 16) {
      throw new IOException("entry of " + size + " bytes is too large");
    }
    byte[] content = new byte[(int) size];
    new DataInputStream(in).readFully(content);
    return content;
  }

  private static boolean isFile(char type) {
    return type == '0' || type == 0;
  }

  private static String entryName(byte[] header) {
    String name = cString(header, 0, 100);
    boolean ustar = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    String prefix = ustar ? cString(header, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static String baseName(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  private static String cString(byte[] bytes, int from, int max) {
    int end = from;
    while (end < from + max && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, from, end - from, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] bytes, int from, int length) throws IOException {
    long value = 0;
    for (int i = from; i < from + length; i++) {
      byte b = bytes[i];
      if (b >= '0' && b <= '7') {
        value = value * 8 + (b - '0');
      } else if (b != ' ' && b != 0) {
        throw new IOException("not a tar archive (bad size field)");
      }
    }
    return value;
  }
}
