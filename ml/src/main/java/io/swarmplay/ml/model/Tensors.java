package io.swarmplay.ml.model;

import io.swarmplay.ml.data.Batch;
import io.swarmplay.ml.data.CifarDataset;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/** Copies between Java arrays and float tensors; callers close what they get. */
final class Tensors {
  private Tensors() {
  }

  static TFloat32 of(Shape shape, float[] values) {
    if (shape.size() != values.length) {
      throw new IllegalArgumentException(values.length + " values for shape " + shape);
    }
    TFloat32 tensor = TFloat32.tensorOf(shape);
    tensor.asRawTensor().data().asFloats().write(values);
    return tensor;
  }

  static TFloat32 images(Batch batch) {
    return of(Shape.of(batch.size(), CifarDataset.SIDE, CifarDataset.SIDE, CifarDataset.CHANNELS), batch.images());
  }

  static TFloat32 oneHot(Batch batch) {
    return of(Shape.of(batch.size(), CifarDataset.CLASSES), batch.oneHot());
  }

  static float[] floats(TFloat32 tensor) {
    float[] out = new float[(int) tensor.size()];
    tensor.asRawTensor().data().asFloats().read(out);
    return out;
  }
}
