package dev.deteval.runtime.activation;

import static dev.deteval.runtime.Tolerances.CENTRAL_DIFFERENCE;
import static dev.deteval.runtime.Tolerances.FLOAT32_OP_CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.deteval.runtime.schedule.Schedule;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every activation: hand backward against autograd and finite differences, forward against the formula. */
final class DifferentiableActivationIT {

    private static final Shape SHAPE = new Shape(2, 3, 4);

    static Stream<DifferentiableActivation> activations() {
        return Stream.of(new Tanh(), new Sigmoid(), new Softmax(-1), new Softmax(1), new Relu(), new LeakyRelu(0.1f),
                new AnnealedLeakyRelu(Schedule.constant(0.2f)));
    }

    /** Seeded inputs in [-3, 3], kept at least 0.05 away from the ReLU kink at 0. */
    private static double[] inputs(long seed) {
        Random random = new Random(seed);
        double[] x = new double[(int) SHAPE.size()];
        for (int i = 0; i < x.length; i++) {
            double v = random.nextDouble() * 6 - 3;
            x[i] = Math.abs(v) < 0.05 ? v + Math.copySign(0.1, v) : v;
        }
        return x;
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void backward_randomInput_equalsAutograd(DifferentiableActivation activation) {
        float[] x = toFloats(inputs(1));
        float[] g = toFloats(inputs(2));
        float[] hand = Differentiation.handBackward(activation, x, g, SHAPE);
        float[] auto = Differentiation.autograd(activation::forward, x, g, SHAPE);
        for (int i = 0; i < x.length; i++) {
            assertThat((double) hand[i]).as("element %d", i).isCloseTo(auto[i], within(FLOAT32_OP_CHAIN));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void backward_randomInputFloat64_equalsCentralDifferences(DifferentiableActivation activation) {
        double[] x = inputs(3);
        double[] g = inputs(4);
        double[] hand = Differentiation.handBackward(activation, x, g, SHAPE);
        double[] numeric = Differentiation.centralDifferences(activation::forward, x, g, SHAPE);
        for (int i = 0; i < x.length; i++) {
            assertThat(hand[i]).as("element %d", i).isCloseTo(numeric[i], within(CENTRAL_DIFFERENCE));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void asBlock_forward_equalsForward(DifferentiableActivation activation) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(toFloats(inputs(5)), SHAPE);
            NDArray viaBlock = activation.asBlock().forward(new ParameterStore(manager, false), new NDList(x), false)
                    .singletonOrThrow();
            // exact: the block runs the same ops on the same input in the same process
            assertThat(viaBlock.toFloatArray()).containsExactly(activation.forward(x).toFloatArray());
        }
    }
}
