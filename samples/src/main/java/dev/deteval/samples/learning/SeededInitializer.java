package dev.deteval.samples.learning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.Random;

/**
 * Xavier-uniform weights drawn from {@link java.util.Random} rather than the engine's generator, so a
 * network starts from the same numbers on every CPU and engine build: U(−a, a) with
 * a = √(6 / (fanIn + fanOut)), fanOut and fanIn the first two axes of the weight shape (DJL's
 * {@code Linear} weight is (out, in)). Each call continues the same stream.
 */
final class SeededInitializer implements Initializer {

    private final Random random;

    SeededInitializer(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        long fanOut = shape.get(0);
        long fanIn = shape.dimension() > 1 ? shape.size() / fanOut : 1;
        double bound = Math.sqrt(6.0 / (fanIn + fanOut));
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
        return manager.create(values, shape).toType(dataType, false);
    }
}
