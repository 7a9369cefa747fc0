package io.swarmplay.ml.model;

import io.swarmplay.ml.MlException;
import io.swarmplay.ml.data.Batch;
import io.swarmplay.ml.data.CifarDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;

/**
 * Any SavedModel whose {@code serving_default} signature takes one float [N,32,32,3] input and
 * returns one float [N,10] probability output: ours, or a Keras {@code model.save(dir)} export of the
 * seed's model.
 */
public final class SavedModelScorer implements ProbabilityModel, AutoCloseable {
  private final SavedModelBundle bundle;
  private final String input;
  private final String output;

  private SavedModelScorer(SavedModelBundle bundle, String input, String output) {
    this.bundle = bundle;
    this.input = input;
    this.output = output;
  }

  /**
   * Loads and checks a SavedModel (tag {@code serve}).
   *
   * @throws MlException if {@code dir} is not a SavedModel or its signature does not fit
   */
  public static SavedModelScorer load(Path dir, ThreadConfig threads) {
    SavedModelBundle bundle = SavedModels.load(dir, threads);
    try {
      Signature signature = bundle.signatures().stream().filter(s -> s.key().equals(Signature.DEFAULT_KEY))
          .findFirst().orElseThrow(() -> new MlException(dir + ": the SavedModel has no '" + Signature.DEFAULT_KEY
              + "' signature (it has " + bundle.signatures().stream().map(Signature::key).toList() + ")"));
      String in = single(dir, "input", signature.getInputs(), Shape.of(-1, CifarDataset.SIDE, CifarDataset.SIDE,
          CifarDataset.CHANNELS));
      String out = single(dir, "output", signature.getOutputs(), Shape.of(-1, CifarDataset.CLASSES));
      return new SavedModelScorer(bundle, in, out);
    } catch (RuntimeException e) {
      bundle.close();
      throw e;
    }
  }

  private static String single(Path dir, String what, Map<String, Signature.TensorDescription> tensors, Shape wanted) {
    String expected = "one float32 " + what + " of shape " + wanted.toString().replace("-1", "N");
    if (tensors.size() != 1) {
      throw new MlException(dir + ": serving_default has " + tensors.size() + " " + what + "s " + tensors.keySet()
          + ", expected " + expected + " (the CIFAR-10 model's signature)");
    }
    Map.Entry<String, Signature.TensorDescription> entry = tensors.entrySet().iterator().next();
    Signature.TensorDescription t = entry.getValue();
    if (t.dataType != DataType.DT_FLOAT || !fits(t.shape, wanted)) {
      throw new MlException(dir + ": serving_default " + what + " '" + entry.getKey() + "' is " + t.dataType
          + " " + t.shape + ", expected " + expected + " (the CIFAR-10 model's signature)");
    }
    return t.name;
  }

  private static boolean fits(Shape actual, Shape wanted) {
    if (actual.isUnknown() || actual.numDimensions() != wanted.numDimensions()) {
      return false;
    }
    for (int i = 1; i < wanted.numDimensions(); i++) {
      if (actual.get(i) != wanted.get(i)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public float[] probabilities(Batch batch) {
    try (TFloat32 x = Tensors.images(batch);
        Result r = bundle.session().runner().feed(input, x).fetch(output).run()) {
      return Tensors.floats((TFloat32) r.get(0));
    }
  }

  @Override
  public void close() {
    bundle.close();
  }

  /** Loading with a clear error. */
  static final class SavedModels {
    private SavedModels() {
    }

    static SavedModelBundle load(Path dir, ThreadConfig threads) {
      if (!Files.isRegularFile(dir.resolve("saved_model.pb")) && !Files.isRegularFile(dir.resolve("saved_model.pbtxt"))) {
        throw new MlException(dir + " is not a SavedModel directory (no saved_model.pb); pass the directory that"
            + " `cifar10 train` wrote, e.g. MODEL_DIR/saved_models/cifar10");
      }
      try {
        return SavedModelBundle.loader(dir.toString()).withTags(SavedModelBundle.DEFAULT_TAG)
            .withConfigProto(threads.toProto()).load();
      } catch (TensorFlowException e) {
        throw new MlException(dir + ": cannot load the SavedModel with tag 'serve': " + e.getMessage(), e);
      }
    }
  }
}
