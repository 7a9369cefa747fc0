package io.swarmplay.ml.model;

import io.swarmplay.ml.MlException;
import io.swarmplay.ml.data.Batch;
import io.swarmplay.ml.merge.ParameterSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The seed's CIFAR-10 model in a TensorFlow graph and session: train steps, probabilities, parameter
 * get/set and SavedModel export. Not thread-safe: call it from one thread. Close it to free native
 * memory.
 */
public final class Cifar10Model implements ProbabilityModel, AutoCloseable {
  private final Graph graph;
  private final Session session;
  private final Cifar10Graph.Handles ops;

  private Cifar10Model(Graph graph, Session session, Cifar10Graph.Handles ops) {
    this.graph = graph;
    this.session = session;
    this.ops = ops;
  }

  /**
   * Builds the graph and initialises the variables (Glorot-uniform kernels from {@code seed}, zero
   * biases, zero RMSprop accumulators).
   */
  public static Cifar10Model create(long seed, ThreadConfig threads) {
    Graph graph = new Graph();
    try {
      Cifar10Graph.Handles ops = Cifar10Graph.build(Ops.create(graph), seed);
      Session session = new Session(graph, threads.toProto());
      session.initialize();
      return new Cifar10Model(graph, session, ops);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** Runs one RMSprop step on {@code batch}; the metrics are those of the parameters before the step. */
  public StepResult train(Batch batch) {
    try (TFloat32 x = Tensors.images(batch); TFloat32 y = Tensors.oneHot(batch);
        Result r = session.runner().feed(ops.images(), x).feed(ops.labels(), y).addTarget(ops.train())
            .fetch(ops.loss()).fetch(ops.correct()).run()) {
      return new StepResult(((TFloat32) r.get(0)).getFloat(), Math.round(((TFloat32) r.get(1)).getFloat()), batch.size());
    }
  }

  @Override
  public float[] probabilities(Batch batch) {
    try (TFloat32 x = Tensors.images(batch);
        Result r = session.runner().feed(ops.images(), x).fetch(ops.probabilities()).run()) {
      return Tensors.floats((TFloat32) r.get(0));
    }
  }

  /** Logits, probabilities and mean loss of {@code batch} without training. */
  public Forward forward(Batch batch) {
    try (TFloat32 x = Tensors.images(batch); TFloat32 y = Tensors.oneHot(batch);
        Result r = session.runner().feed(ops.images(), x).feed(ops.labels(), y)
            .fetch(ops.logits()).fetch(ops.probabilities()).fetch(ops.loss()).run()) {
      return new Forward(Tensors.floats((TFloat32) r.get(0)), Tensors.floats((TFloat32) r.get(1)),
          ((TFloat32) r.get(2)).getFloat());
    }
  }

  /** d(mean loss)/d(variable) for {@code batch}, in {@link ModelLayout#VARIABLES} order. */
  public List<float[]> gradients(Batch batch) {
    try (TFloat32 x = Tensors.images(batch); TFloat32 y = Tensors.oneHot(batch)) {
      Session.Runner runner = session.runner().feed(ops.images(), x).feed(ops.labels(), y);
      ops.gradients().forEach(runner::fetch);
      return fetchAll(runner);
    }
  }

  /** @return a copy of the trainable variables */
  public ParameterSet parameters() {
    Session.Runner runner = session.runner();
    ops.variables().forEach(runner::fetch);
    return new ParameterSet(ModelLayout.VARIABLES.stream().map(ModelLayout.VariableSpec::name).toList(), fetchAll(runner));
  }

  /**
   * Loads new values into the trainable variables (the optimiser state stays).
   *
   * @throws IllegalArgumentException if the layout does not match the model
   */
  public void setParameters(ParameterSet parameters) {
    if (!parameters.sameLayout(parameters())) {
      throw new IllegalArgumentException("parameters " + parameters.names() + " do not fit this model");
    }
    List<TFloat32> tensors = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (int i = 0; i < ops.variables().size(); i++) {
        TFloat32 t = Tensors.of(Shape.of(ModelLayout.VARIABLES.get(i).shape()), parameters.values().get(i));
        tensors.add(t);
        runner.feed(ops.setValues().get(i), t).addTarget(ops.setOps().get(i));
      }
      runner.run().close();
    } finally {
      tensors.forEach(TFloat32::close);
    }
  }

  /**
   * Exports a SavedModel (tag {@code serve}) whose {@code serving_default} signature maps
   * {@code conv2d_input} [N,32,32,3] to {@code activation_1} [N,10] probabilities. Replaces an
   * earlier SavedModel in {@code dir}.
   */
  public void export(Path dir) {
    try {
      clearPreviousExport(dir);
      Signature serving = Signature.builder().key(Signature.DEFAULT_KEY).methodName("tensorflow/serving/predict")
          .input(ModelLayout.INPUT_KEY, ops.images()).output(ModelLayout.OUTPUT_KEY, ops.probabilities()).build();
      SavedModelBundle.exporter(dir.toString()).withSession(session).withSignature(serving).export();
    } catch (IOException e) {
      throw new MlException("cannot save the model to " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void clearPreviousExport(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      Files.createDirectories(dir.getParent());
      return;
    }
    if (!Files.exists(dir.resolve("saved_model.pb"))) {
      throw new MlException(dir + " exists and is not a SavedModel; remove it or choose another MODEL_DIR");
    }
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static List<float[]> fetchAll(Session.Runner runner) {
    try (Result r = runner.run()) {
      List<float[]> out = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        out.add(Tensors.floats((TFloat32) r.get(i)));
      }
      return out;
    }
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
