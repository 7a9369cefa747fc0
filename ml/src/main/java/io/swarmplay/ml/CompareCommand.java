package io.swarmplay.ml;

import io.swarmplay.ml.merge.ParameterComparison;
import io.swarmplay.ml.merge.ParameterSet;
import io.swarmplay.ml.model.ModelVariables;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cifar10 compare}: whether several hosts ended with the same model. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compare the model variables of SavedModels (e.g. every Swarm node's final model)."
        + " Exit 0 if all are bit-equal, 2 if they differ, 1 on error.")
final class CompareCommand implements Callable<Integer> {
  /** Exit code when the models differ. */
  static final int EXIT_DIFFERENT = 2;

  @Parameters(arity = "2..*", paramLabel = "DIR", description = "SavedModel directories (or MODEL_DIRs).")
  List<Path> models;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    List<ParameterSet> sets = new ArrayList<>();
    for (Path model : models) {
      Path nested = model.resolve("saved_models").resolve("cifar10");
      sets.add(ModelVariables.read(Files.isDirectory(nested) ? nested : model));
    }
    ParameterComparison comparison = ParameterComparison.of(sets);
    print(comparison, spec.commandLine().getOut());
    return comparison.identical() ? 0 : EXIT_DIFFERENT;
  }

  private void print(ParameterComparison comparison, PrintWriter out) {
    out.printf("%-16s %10s  %-14s %s%n", "variable", "size", "max |diff|", "bit-equal");
    for (ParameterComparison.VariableDifference v : comparison.variables()) {
      out.printf("%-16s %10d  %-14.6g %s%n", v.name(), v.size(), v.maxAbsDifference(), v.bitEqual() ? "yes" : "no");
    }
    double max = comparison.variables().stream().mapToDouble(ParameterComparison.VariableDifference::maxAbsDifference)
        .max().orElse(0);
    out.println(comparison.identical()
        ? "IDENTICAL: all " + models.size() + " models have bit-equal variables"
        : String.format("DIFFERENT: max absolute difference %.6g across %d models", max, models.size()));
    out.flush();
  }
}
