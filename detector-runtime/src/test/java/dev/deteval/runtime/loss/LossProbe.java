package dev.deteval.runtime.loss;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;

/** Evaluates a loss on float32 data and returns its value and its autograd gradient w.r.t. the predictions. */
final class LossProbe {

    record Result(float value, float[] gradient) {
    }

    private LossProbe() {
    }

    static Result run(Loss loss, float[] labels, float[] predictions, long... shape) {
        return run(loss, labels, new Shape(shape), predictions, new Shape(shape));
    }

    static Result run(Loss loss, float[] labels, Shape labelShape, float[] predictions, Shape predictionShape) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray p = manager.create(predictions, predictionShape);
            p.setRequiresGradient(true);
            NDArray t = manager.create(labels, labelShape);
            float value;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray l = loss.evaluate(new NDList(t), new NDList(p));
                collector.backward(l);
                value = l.getFloat();
            }
            return new Result(value, p.getGradient().toFloatArray());
        }
    }

    static float[] doubled(float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = 2 * values[i];
        }
        return out;
    }
}
