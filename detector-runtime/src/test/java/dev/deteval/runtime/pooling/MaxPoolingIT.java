package dev.deteval.runtime.pooling;

import static dev.deteval.runtime.Tolerances.CENTRAL_DIFFERENCE;
import static dev.deteval.runtime.Tolerances.FLOAT32_OP_CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class MaxPoolingIT {

    static Stream<PoolWindow> windows() {
        return Stream.of(new PoolWindow(2, 2, 0), new PoolWindow(3, 1, 1), new PoolWindow(3, 2, 1), new PoolWindow(2, 1, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void backward_distinctValues_equalsAutograd(PoolWindow window) {
        MaxPooling pool = new MaxPooling(window);
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
    void backward_tiedValues_firstMaximumWinsLikeAutograd(PoolWindow window) {
        MaxPooling pool = new MaxPooling(window);
        Shape out = PoolingGradients.outputShape(window);
        float[] x = new float[(int) PoolingGradients.INPUT.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i * 7) % 3; // only 0, 1 and 2: many ties inside each window
        }
        float[] g = PoolingGradients.floats(PoolingGradients.distinct(3, out.size()));
        float[] hand = PoolingGradients.hand(pool::backward, x, g, out);
        float[] auto = PoolingGradients.autograd(pool::forward, x, g, out);
        for (int i = 0; i < x.length; i++) {
            assertThat((double) hand[i]).as("element %d", i).isCloseTo(auto[i], within(FLOAT32_OP_CHAIN));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void backward_float64_equalsCentralDifferences(PoolWindow window) {
        MaxPooling pool = new MaxPooling(window);
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
    void backward_twoByTwoWindowsOnFourByFour_routesEachGradientToItsWindowMaximum() {
        float[] x = {
            1, 5, 2, 0,
            3, 4, 9, 9,
            0, 0, 7, 1,
            6, 0, 2, 8};
        float[] g = {10, 20, 30, 40};
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] grad = new MaxPooling(new PoolWindow(2, 2, 0))
                    .backward(manager.create(x, new Shape(1, 1, 4, 4)), manager.create(g, new Shape(1, 1, 2, 2)))
                    .toFloatArray();
            // maxima: 5 (top left), the first 9 of the tie (top right), 6 (bottom left), 8 (bottom right)
            assertThat(grad).containsExactly(
                    0, 10, 0, 0,
                    0, 0, 20, 0,
                    0, 0, 0, 0,
                    30, 0, 0, 40);
        }
    }
}
