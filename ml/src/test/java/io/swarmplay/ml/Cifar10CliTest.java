package io.swarmplay.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swarmplay.ml.data.SyntheticCifar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, in process: train, evaluate, compare, errors. */
class Cifar10CliTest {
  @TempDir
  static Path tmp;

  static Path data;

  /** Output of one command: exit code, log/command output, error output. */
  record Outcome(int code, String out, String err) {
  }

  @BeforeAll
  static void writeData() throws IOException {
    data = tmp.resolve("data");
    SyntheticCifar.write(data, 128, 200, 21);
  }

  static Outcome run(Map<String, String> env, String... args) {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream previous = Log.redirect(new PrintStream(log, true, StandardCharsets.UTF_8));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try {
      int code = Cifar10Cli.run(args, env, new PrintWriter(out), new PrintWriter(err));
      return new Outcome(code, log.toString(StandardCharsets.UTF_8) + out, err.toString());
    } finally {
      Log.redirect(previous);
    }
  }

  private static String testLoss(String log) {
    Matcher m = Pattern.compile("Test loss = ([0-9.]+)").matcher(log);
    assertTrue(m.find(), log);
    return m.group(1);
  }

  @Test
  void trainSavesEvaluatesAndTheSavedModelGivesTheSameFigures() {
    Path modelDir = tmp.resolve("model-a");
    Outcome train = run(Map.of("DATA_DIR", data.toString(), "MODEL_DIR", modelDir.toString(), "MAX_EPOCHS", "1"), "train");
    assertEquals(0, train.code(), train.err());
    assertTrue(train.out().contains(" : cifar10 : INFO : Starting training: epochs=1 batch_size=32"), train.out());
    assertTrue(train.out().contains("Epoch 1/1 - "), train.out());
    assertTrue(train.out().contains("Saved the trained model - " + modelDir.resolve("saved_models/cifar10")), train.out());
    assertTrue(train.out().contains("Test accuracy = "), train.out());
    assertTrue(Files.exists(modelDir.resolve("saved_models/cifar10/saved_model.pb")));

    Outcome evaluate = run(Map.of("DATA_DIR", data.toString()), "evaluate", "--model", modelDir.toString());
    assertEquals(0, evaluate.code(), evaluate.err());
    assertEquals(testLoss(train.out()), testLoss(evaluate.out()));

    Outcome same = run(Map.of(), "compare", modelDir.toString(), modelDir.resolve("saved_models/cifar10").toString());
    assertEquals(0, same.code(), same.err());
    assertTrue(same.out().contains("IDENTICAL: all 2 models have bit-equal variables"), same.out());

    Path other = tmp.resolve("model-b");
    assertEquals(0, run(Map.of(), "train", "--data", data.toString(), "--model-dir", other.toString(), "--epochs", "1",
        "--seed", "5").code());
    Outcome different = run(Map.of(), "compare", modelDir.toString(), other.toString());
    assertEquals(CompareCommand.EXIT_DIFFERENT, different.code());
    assertTrue(different.out().contains("DIFFERENT: max absolute difference"), different.out());
    assertTrue(different.out().contains("dense_kernel"), different.out());
  }

  @Test
  void errorsAreOneClearLineWithoutStackTraceUnlessVerbose() {
    Outcome quiet = run(Map.of("DATA_DIR", data.toString()), "evaluate", "--model", tmp.resolve("nothing").toString());
    assertEquals(Cifar10Cli.EXIT_ERROR, quiet.code());
    assertTrue(quiet.err().startsWith("cifar10 evaluate: error: "), quiet.err());
    assertTrue(quiet.err().contains("is not a SavedModel directory"), quiet.err());
    assertFalse(quiet.err().contains("\tat "), quiet.err());

    Outcome verbose = run(Map.of("DATA_DIR", data.toString()), "evaluate", "--verbose", "--model",
        tmp.resolve("nothing").toString());
    assertTrue(verbose.err().contains("\tat io.swarmplay.ml."), verbose.err());
  }

  @Test
  void badDataNamesTheFile() throws IOException {
    Path bad = tmp.resolve("bad");
    SyntheticCifar.write(bad, 2, 2, 1);
    Files.write(bad.resolve("data_batch_2.bin"), new byte[100]);
    Outcome train = run(Map.of("DATA_DIR", bad.toString(), "MODEL_DIR", tmp.resolve("m").toString()), "train");
    assertEquals(Cifar10Cli.EXIT_ERROR, train.code());
    assertTrue(train.err().contains(bad.resolve("data_batch_2.bin") + ": size 100 bytes"), train.err());
  }

  @Test
  void benchPrintsFiguresWithoutAssertingSpeed() {
    Outcome bench = run(Map.of(), "bench", "--window", "0.05", "--windows", "1", "--warmup", "2", "--cores", "1");
    assertEquals(0, bench.code(), bench.err());
    Matcher train = Pattern.compile("train, 1 core \\(intra=1\\)\\s+(\\d+)").matcher(bench.out());
    assertTrue(train.find() && Integer.parseInt(train.group(1)) > 0, bench.out());
    assertTrue(bench.out().contains("peak RSS: "), bench.out());
    assertTrue(bench.out().contains("ceiling: 2048x2048 float matmul"), bench.out());
  }

  @Test
  void usageErrorsExitWithTwo() {
    Outcome outcome = run(Map.of(), "compare", "only-one");
    assertEquals(2, outcome.code());
    assertTrue(outcome.err().contains("DIR"), outcome.err());
  }
}
