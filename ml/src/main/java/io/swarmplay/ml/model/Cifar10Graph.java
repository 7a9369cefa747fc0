package io.swarmplay.ml.model;

import io.swarmplay.ml.data.CifarDataset;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** Builds the model graph: forward pass, loss, metrics, Keras 2.7 RMSprop and parameter setters. */
final class Cifar10Graph {
  private Cifar10Graph() {
  }

  /**
   * Handles to the graph's ops.
   *
   * @param images input [N,32,32,3]
   * @param labels one-hot labels [N,10]
   * @param logits [N,10]
   * @param probabilities softmax [N,10]
   * @param loss mean categorical cross-entropy
   * @param correct number of images whose argmax matches the label
   * @param train one Keras RMSprop step
   * @param variables trainable variables in {@link ModelLayout#VARIABLES} order
   * @param gradients d loss / d variable, same order
   * @param setValues placeholders to feed new values
   * @param setOps assignments from {@code setValues}
   */
  record Handles(Placeholder<TFloat32> images, Placeholder<TFloat32> labels, Operand<TFloat32> logits,
      Operand<TFloat32> probabilities, Operand<TFloat32> loss, Operand<TFloat32> correct, Op train,
      List<Variable<TFloat32>> variables, List<Output<TFloat32>> gradients,
      List<Placeholder<TFloat32>> setValues, List<Op> setOps) {
  }

  static Handles build(Ops tf, long seed) {
    Placeholder<TFloat32> images = tf.withName("images").placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(-1, CifarDataset.SIDE, CifarDataset.SIDE, CifarDataset.CHANNELS)));
    Placeholder<TFloat32> labels = tf.withName("labels").placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(-1, CifarDataset.CLASSES)));
    List<Variable<TFloat32>> vars = new ArrayList<>();
    for (int i = 0; i < ModelLayout.VARIABLES.size(); i++) {
      vars.add(variable(tf, ModelLayout.VARIABLES.get(i), seed, i));
    }
    Operand<TFloat32> conv = tf.nn.conv2d(images, vars.get(0), List.of(1L, 1L, 1L, 1L), "SAME");
    Operand<TFloat32> act = tf.nn.relu(tf.nn.biasAdd(conv, vars.get(1)));
    Operand<TFloat32> flat = tf.reshape(act, tf.constant(new long[] {-1, ModelLayout.FLAT}));
    Operand<TFloat32> logits = tf.withName("logits").nn.biasAdd(tf.linalg.matMul(flat, vars.get(2)), vars.get(3));
    Operand<TFloat32> probabilities = tf.withName("probabilities").nn.softmax(logits);
    Operand<TFloat32> loss = tf.withName("loss").math.mean(
        tf.nn.softmaxCrossEntropyWithLogits(logits, labels).loss(), tf.constant(0));
    Operand<TFloat32> correct = tf.withName("correct").sum(tf.dtypes.cast(tf.math.equal(
        tf.math.argMax(logits, tf.constant(1)), tf.math.argMax(labels, tf.constant(1))), TFloat32.class), tf.constant(0));
    List<Output<TFloat32>> gradients = gradients(tf, loss, vars);
    Op train = rmsProp(tf, vars, gradients);
    List<Placeholder<TFloat32>> setValues = new ArrayList<>();
    List<Op> setOps = new ArrayList<>();
    addSetters(tf, vars, setValues, setOps);
    return new Handles(images, labels, logits, probabilities, loss, correct, train, vars, gradients, setValues, setOps);
  }

  /** One placeholder and Assign per variable, for loading merged parameters. */
  private static void addSetters(Ops tf, List<Variable<TFloat32>> vars, List<Placeholder<TFloat32>> values, List<Op> ops) {
    for (int i = 0; i < vars.size(); i++) {
      ModelLayout.VariableSpec spec = ModelLayout.VARIABLES.get(i);
      Placeholder<TFloat32> value = tf.withName(spec.name() + "_set_value").placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(spec.shape())));
      values.add(value);
      ops.add(tf.withName(spec.name() + "_set").assign(vars.get(i), value));
    }
  }

  /** Keras glorot_uniform kernels ((2·U[0,1) − 1)·limit, stateless, seed {seed, index}); zero biases. */
  private static Variable<TFloat32> variable(Ops tf, ModelLayout.VariableSpec spec, long seed, int index) {
    Operand<TInt64> shape = tf.constant(spec.shape());
    Operand<TFloat32> init;
    if (spec.isKernel()) {
      Operand<TFloat32> u01 = tf.random.statelessRandomUniform(shape, tf.constant(new long[] {seed, index}), TFloat32.class);
      init = tf.math.mul(tf.math.sub(tf.math.mul(u01, tf.constant(2f)), tf.constant(1f)),
          tf.constant((float) spec.glorotLimit()));
    } else {
      init = tf.zeros(shape, TFloat32.class);
    }
    return tf.withName(spec.name()).variable(init);
  }

  private static List<Output<TFloat32>> gradients(Ops tf, Operand<TFloat32> loss, List<Variable<TFloat32>> vars) {
    var grads = tf.gradients(loss, vars);
    List<Output<TFloat32>> out = new ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      out.add(grads.dy(i));
    }
    return out;
  }

  /**
   * Keras 2.7 (optimizer_v2) RMSprop without momentum: rms ← ρ·rms + (1−ρ)·g², accumulators start
   * at 0; var ← var − lr_t·g / (√rms + ε) with lr_t = lr / (1 + decay·iterations). Every update waits
   * for all gradients, because reference variables are read lazily.
   */
  private static Op rmsProp(Ops tf, List<Variable<TFloat32>> vars, List<Output<TFloat32>> gradients) {
    Variable<TInt64> iterations = tf.withName("iterations").variable(tf.constant(0L));
    Operand<TFloat32> lrT = tf.math.div(tf.constant(ModelLayout.LEARNING_RATE), tf.math.add(tf.constant(1f),
        tf.math.mul(tf.constant(ModelLayout.DECAY), tf.dtypes.cast(iterations, TFloat32.class))));
    Ops deps = tf.withControlDependencies(new ArrayList<Op>(gradients));
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      ModelLayout.VariableSpec spec = ModelLayout.VARIABLES.get(i);
      Output<TFloat32> g = gradients.get(i);
      Variable<TFloat32> rms = tf.withName(spec.name() + "_rms").variable(tf.zeros(tf.constant(spec.shape()), TFloat32.class));
      Operand<TFloat32> rmsT = deps.assign(rms, deps.math.add(deps.math.mul(deps.constant(ModelLayout.RHO), rms),
          deps.math.mul(deps.constant(1f - ModelLayout.RHO), deps.math.square(g))));
      updates.add(deps.assignSub(vars.get(i), deps.math.div(deps.math.mul(lrT, g),
          deps.math.add(deps.math.sqrt(rmsT), deps.constant(ModelLayout.EPSILON)))));
    }
    return tf.withName("train").withControlDependencies(updates).assignAdd(iterations, tf.constant(1L));
  }
}
