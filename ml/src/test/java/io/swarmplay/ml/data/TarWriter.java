package io.swarmplay.ml.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Writes a minimal ustar {@code .tar.gz} for tests. */
final class TarWriter {
  private TarWriter() {
  }

  static void writeTarGz(Path archive, Map<String, byte[]> entries) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.write(header(e.getKey(), e.getValue().length));
        out.write(e.getValue());
        out.write(new byte[(512 - e.getValue().length % 512) % 512]);
      }
      out.write(new byte[1024]);
    }
  }

  private static byte[] header(String name, long size) {
    byte[] h = new byte[512];
    put(h, 0, name);
    put(h, 100, "0000644\0");
    put(h, 108, "0000000\0");
    put(h, 116, "0000000\0");
    put(h, 124, String.format("%011o\0", size));
    put(h, 136, String.format("%011o\0", 0));
    put(h, 148, "        ");
    h[156] = '0';
    put(h, 257, "ustar\0");
    put(h, 263, "00");
    int sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o\0 ", sum));
    return h;
  }

  private static void put(byte[] h, int at, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, h, at, bytes.length);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
