package dev.deteval.runtime.pooling;

import static dev.deteval.runtime.Tolerances.CENTRAL_DIFFERENCE;
import static dev.deteval.runtime.Tolerances.FEW_FLOAT32_OPS;
import static dev.deteval.runtime.Tolerances.FLOAT32_OP_CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class AveragePoolingIT {

    static Stream<PoolWindow> windows() {
        return Stream.of(new PoolWindow(2, 2, 0), new PoolWindow(3, 1, 1), new PoolWindow(3, 2, 1), new PoolWindow(2, 1, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void backward_randomValues_equalsAutograd(PoolWindow window) {
        AveragePooling pool = new AveragePooling(window);
        Shape out = PoolingGradients.outputShape(window);
        float[] x = PoolingGradients.floats(PoolingGradients.distinct(1, PoolingGradients.INPUT.size()));
        float[] g = PoolingGradients.floats(PoolingGradients.distinct(2, out.size()));
        float[] hand = PoolingGradients.hand(pool::backward, x, g, out);
        float[] auto = PoolingGradients.autograd(pool::forward, x, g, out);
        for (int i = 0; i < x.length; i++) {
            assertThat((double) hand[i]).as("element %d", i).isCloseTo(auto[i], within(FLOAT32_OP_CHAIN));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void backward_float64_equalsCentralDifferences(PoolWindow window) {
        AveragePooling pool = new AveragePooling(window);
        Shape out = PoolingGradients.outputShape(window);
        double[] x = PoolingGradients.distinct(4, PoolingGradients.INPUT.size());
        double[] g = PoolingGradients.distinct(5, out.size());
        double[] hand = PoolingGradients.hand(pool::backward, x, g, out);
        double[] numeric = PoolingGradients.centralDifferences(pool::forward, x, g, out);
        for (int i = 0; i < x.length; i++) {
            assertThat(hand[i]).as("element %d", i).isCloseTo(numeric[i], within(CENTRAL_DIFFERENCE));
        }
    }

    @Test
    void backward_threeByThreeStrideOnePaddingOne_cornerGetsFourNinthsOfUniformGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] grad = new AveragePooling(new PoolWindow(3, 1, 1))
                    .backward(manager.zeros(new Shape(1, 1, 3, 3)), manager.ones(new Shape(1, 1, 3, 3)))
                    .toFloatArray();
            // a corner lies in 4 windows, an edge cell in 6, the centre in 9; each window passes 1/9
            double corner = 4.0 / 9;
            double edge = 6.0 / 9;
            double[] expected = {corner, edge, corner, edge, 9.0 / 9, edge, corner, edge, corner};
            for (int i = 0; i < expected.length; i++) {
                assertThat((double) grad[i]).isCloseTo(expected[i], within(FEW_FLOAT32_OPS));
            }
        }
    }
}
