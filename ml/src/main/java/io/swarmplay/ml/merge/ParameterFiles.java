package io.swarmplay.ml.merge;

import io.swarmplay.ml.MlException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Binary parameter files of the directory sync, written atomically (temporary file, then rename). */
public final class ParameterFiles {
  private static final int MAGIC = 0x53575050; // "SWPP"
  private static final int VERSION = 1;

  private ParameterFiles() {
  }

  /** Writes {@code contribution} to {@code target} so that readers see either nothing or the whole file. */
  public static void write(Path target, Contribution contribution) throws IOException {
    Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(contribution.peer());
      out.writeLong(contribution.samples());
      ParameterSet params = contribution.parameters();
      out.writeInt(params.names().size());
      for (int i = 0; i < params.names().size(); i++) {
        out.writeUTF(params.names().get(i));
        writeFloats(out, params.values().get(i));
      }
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Reads a file written by {@link #write}. */
  public static Contribution read(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC || in.readInt() != VERSION) {
        throw new MlException(file + ": not a swarmplay parameter file (version " + VERSION + ")");
      }
      String peer = in.readUTF();
      long samples = in.readLong();
      int count = in.readInt();
      List<String> names = new ArrayList<>();
      List<float[]> values = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        names.add(in.readUTF());
        values.add(readFloats(in));
      }
      return new Contribution(peer, samples, new ParameterSet(names, values));
    }
  }

  private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
    out.writeInt(values.length);
    ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES);
    buffer.asFloatBuffer().put(values);
    out.write(buffer.array());
  }

  private static float[] readFloats(DataInputStream in) throws IOException {
    int length = in.readInt();
    byte[] bytes = new byte[length * Float.BYTES];
    in.readFully(bytes);
    float[] values = new float[length];
    ByteBuffer.wrap(bytes).asFloatBuffer().get(values);
    return values;
  }
}
