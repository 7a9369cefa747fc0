package io.swarmplay.ml.model;

import org.tensorflow.proto.ConfigProto;

/**
 * TensorFlow thread pools. One intra-op and one inter-op thread is fastest for this small model
 * (measured: a second intra-op thread slows batch-32 training down).
 *
 * @param intraOp threads inside one op
 * @param interOp ops run in parallel
 */
public record ThreadConfig(int intraOp, int interOp) {
  /** The default: one thread each. */
  public static final ThreadConfig SINGLE = new ThreadConfig(1, 1);

  /** Checks the counts. */
  public ThreadConfig {
    if (intraOp < 1 || interOp < 1) {
      throw new IllegalArgumentException("thread counts must be at least 1");
    }
  }

  ConfigProto toProto() {
    return ConfigProto.newBuilder().setIntraOpParallelismThreads(intraOp)
        .setInterOpParallelismThreads(interOp).build();
  }
}
