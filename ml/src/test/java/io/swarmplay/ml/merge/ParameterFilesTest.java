package io.swarmplay.ml.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swarmplay.ml.MlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterFilesTest {
  @TempDir
  Path tmp;

  @Test
  void roundTripIsBitExactAndLeavesNoTemporaryFiles() throws IOException {
    ParameterSet set = new ParameterSet(List.of("k", "b"),
        List.of(new float[] {Float.MIN_VALUE, -0f, 1e-30f, Float.NaN, 3.25f}, new float[0]));
    Path file = tmp.resolve("p.params");
    ParameterFiles.write(file, new Contribution("peer-1", 1234, set));
    Contribution back = ParameterFiles.read(file);
    assertEquals("peer-1", back.peer());
    assertEquals(1234, back.samples());
    assertTrue(set.bitEquals(back.parameters()));
    try (var files = Files.list(tmp)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void foreignFileIsRejected() throws IOException {
    Path file = tmp.resolve("x.params");
    Files.writeString(file, "hello world, not parameters");
    MlException e = assertThrows(MlException.class, () -> ParameterFiles.read(file));
    assertTrue(e.getMessage().contains("not a swarmplay parameter file"));
  }
}
