package io.swarmplay.ml.model;

import io.swarmplay.ml.MlException;
import io.swarmplay.ml.merge.ParameterSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/** Reads the model variables of a SavedModel written by {@code cifar10 train}. */
public final class ModelVariables {
  /** Suffix of optimiser slots, which are local state and not part of the model. */
  public static final String OPTIMIZER_SLOT_SUFFIX = "_rms";

  private ModelVariables() {
  }

  /**
   * @return the float {@code VariableV2} variables of {@code dir} (the model's in
   *     {@link ModelLayout#VARIABLES} order, any others after them by name), without optimiser
   *     slots (and without the int64 iteration counter)
   * @throws MlException if it is not a SavedModel or holds no such variables
   */
  public static ParameterSet read(Path dir) {
    try (SavedModelBundle bundle = SavedModelScorer.SavedModels.load(dir, ThreadConfig.SINGLE)) {
      List<String> names = variableNames(bundle);
      Session.Runner runner = bundle.session().runner();
      names.forEach(runner::fetch);
      List<String> kept = new ArrayList<>();
      List<float[]> values = new ArrayList<>();
      try (Result r = runner.run()) {
        for (int i = 0; i < names.size(); i++) {
          Tensor t = r.get(i);
          if (t instanceof TFloat32 f) {
            kept.add(names.get(i));
            values.add(Tensors.floats(f));
          }
        }
      }
      if (kept.isEmpty()) {
        throw new MlException(dir + ": no float variables (VariableV2) found; compare supports SavedModels written by"
            + " `cifar10 train`");
      }
      return new ParameterSet(kept, values);
    }
  }

  private static List<String> variableNames(SavedModelBundle bundle) {
    List<String> names = new ArrayList<>();
    for (Iterator<GraphOperation> it = bundle.graph().operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      if (op.type().equals("VariableV2") && !op.name().endsWith(OPTIMIZER_SLOT_SUFFIX)) {
        names.add(op.name());
      }
    }
    List<String> known = ModelLayout.VARIABLES.stream().map(ModelLayout.VariableSpec::name).toList();
    names.sort(java.util.Comparator.<String>comparingInt(n -> known.contains(n) ? known.indexOf(n) : known.size())
        .thenComparing(java.util.Comparator.naturalOrder()));
    return names;
  }
}
