package io.swarmplay.ml.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swarmplay.ml.MlException;
import io.swarmplay.ml.data.CifarDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;

class SavedModelTest {
  @TempDir
  Path tmp;

  @Test
  void exportedModelHasTheKerasShapedSignatureAndReloadsWithIdenticalMetrics() {
    CifarDataset test = TestBatches.dataset(100, 4);
    Path dir = tmp.resolve("saved_models").resolve("cifar10");
    Metrics inMemory;
    try (Cifar10Model model = Cifar10Model.create(2, ThreadConfig.SINGLE)) {
      for (int i = 0; i < 5; i++) {
        model.train(TestBatches.synthetic(32, i));
      }
      inMemory = Scoring.evaluate(model, test);
      model.export(dir);
      assertTrue(ModelVariables.read(dir).bitEquals(model.parameters()), "saved variables equal the trained ones");
    }
    try (SavedModelBundle bundle = SavedModelBundle.load(dir.toString(), "serve")) {
      Signature s = bundle.function(Signature.DEFAULT_KEY).signature();
      Signature.TensorDescription in = s.getInputs().get(ModelLayout.INPUT_KEY);
      Signature.TensorDescription out = s.getOutputs().get(ModelLayout.OUTPUT_KEY);
      assertEquals(DataType.DT_FLOAT, in.dataType);
      assertArrayEquals(new long[] {-1, 32, 32, 3}, in.shape.asArray(), "unknown batch dimension, like Keras");
      assertArrayEquals(new long[] {-1, 10}, out.shape.asArray());
    }
    try (SavedModelScorer scorer = SavedModelScorer.load(dir, ThreadConfig.SINGLE)) {
      assertEquals(inMemory, Scoring.evaluate(scorer, test));
    }
  }

  @Test
  void exportReplacesAnEarlierModelButNotOtherDirectories() throws IOException {
    Path dir = tmp.resolve("m");
    try (Cifar10Model a = Cifar10Model.create(1, ThreadConfig.SINGLE); Cifar10Model b = Cifar10Model.create(2, ThreadConfig.SINGLE)) {
      a.export(dir);
      b.export(dir);
      assertTrue(ModelVariables.read(dir).bitEquals(b.parameters()));
      Path other = Files.createDirectories(tmp.resolve("other"));
      Files.writeString(other.resolve("notes.txt"), "keep me");
      MlException e = assertThrows(MlException.class, () -> a.export(other));
      assertTrue(e.getMessage().contains("is not a SavedModel"), e.getMessage());
    }
  }

  @Test
  void aSignatureThatDoesNotFitIsRejectedClearly() throws IOException {
    Path dir = tmp.resolve("mnist");
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 28, 28, 1)));
      var y = tf.reshape(x, tf.constant(new long[] {-1, 784}));
      try (Session session = new Session(g)) {
        SavedModelBundle.exporter(dir.toString()).withSession(session).withSignature(Signature.builder()
            .key(Signature.DEFAULT_KEY).input("image", x).output("flat", y).build()).export();
      }
    }
    MlException e = assertThrows(MlException.class, () -> SavedModelScorer.load(dir, ThreadConfig.SINGLE));
    assertTrue(e.getMessage().contains("serving_default input 'image' is DT_FLOAT [-1, 28, 28, 1], expected one"
        + " float32 input of shape [N, 32, 32, 3]"), e.getMessage());
  }

  @Test
  void aDirectoryWithoutASavedModelIsRejectedClearly() {
    MlException e = assertThrows(MlException.class, () -> SavedModelScorer.load(tmp, ThreadConfig.SINGLE));
    assertTrue(e.getMessage().contains("is not a SavedModel directory (no saved_model.pb)"), e.getMessage());
    assertThrows(MlException.class, () -> ModelVariables.read(tmp));
  }
}
