package dev.deteval.runtime.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.deteval.runtime.activation.LeakyRelu;
import dev.deteval.runtime.activation.Relu;
import dev.deteval.runtime.activation.Sigmoid;
import dev.deteval.runtime.loss.CenterHeatmapLoss;
import dev.deteval.runtime.loss.CiouLoss;
import dev.deteval.runtime.loss.FocalLoss;
import dev.deteval.runtime.loss.GiouLoss;
import dev.deteval.runtime.loss.HingeLoss;
import dev.deteval.runtime.loss.MinkowskiLoss;
import dev.deteval.runtime.loss.SmoothL1Loss;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forward passes and losses that multiply, divide, clamp or raise by a constant keep that constant alive
 * for autograd: a garbage collection between forward and backward, followed by fresh direct buffers written
 * over freed memory, must not change a single bit of the gradient. With DJL's {@code op(Number)} forms the
 * constant lived in a Java direct buffer that the collection freed (see {@link EngineScalar}).
 */
class EngineScalarIT {

    /** Something autograd differentiates: input (an array of the given shape) to a scalar. */
    private record Case(String name, Shape shape, Function<NDArray, NDArray> f) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Shape BOXES = new Shape(3, 4);
    private static final Shape GRID = new Shape(2, 6);

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("leakyRelu", GRID, x -> new LeakyRelu(0.1f).forward(x).sum()),
                new Case("relu", GRID, x -> new Relu().forward(x).mul(x).sum()),
                new Case("sigmoid", GRID, x -> new Sigmoid().forward(x).sum()),
                new Case("giou", BOXES, x -> new GiouLoss().evaluate(new NDList(targetBoxes(x)), new NDList(boxes(x)))),
                new Case("ciou", BOXES, x -> new CiouLoss().evaluate(new NDList(targetBoxes(x)), new NDList(boxes(x)))),
                new Case("smoothL1", GRID, x -> new SmoothL1Loss(0.5f).evaluate(new NDList(x.zerosLike()),
                        new NDList(x))),
                new Case("minkowski", GRID, x -> new MinkowskiLoss(3f).evaluate(new NDList(x.zerosLike()),
                        new NDList(x))),
                new Case("hinge", GRID, x -> new HingeLoss().evaluate(new NDList(signs(x)), new NDList(x))),
                new Case("focal", GRID, x -> FocalLoss.of(2f, 0.25f).evaluate(new NDList(binary(x)), new NDList(x))),
                new Case("centerHeatmap", GRID, x -> new CenterHeatmapLoss(2f, 4f).evaluate(new NDList(heat(x)),
                        new NDList(x))))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradient_garbageCollectedBeforeBackward_sameBits(Case c) {
        float[] quiet = gradient(c, false);
        float[] collected = gradient(c, true);
        assertThat(collected).containsExactly(quiet);
        // the case really reaches the input: some gradient entry is not zero
        assertThat(quiet).matches(g -> {
            for (float v : g) {
                if (v != 0f) {
                    return true;
                }
            }
            return false;
        }, "has a non-zero entry");
    }

    @Test
    void of_float64Array_scalarTakesTheArraysTypeAndValue() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray like = manager.create(new double[] {1.0, 2.0});
            NDArray s = EngineScalar.of(like, 0.25);
            assertThat(s.getShape()).isEqualTo(new Shape());
            assertThat(s.getDataType()).isEqualTo(DataType.FLOAT64);
            assertThat(s.getDouble()).isEqualTo(0.25);
            assertThat(like.mul(s).toDoubleArray()).containsExactly(0.25 * 1.0, 0.25 * 2.0);
        }
    }

    private static float[] gradient(Case c, boolean collect) {
        try (NDManager manager = NDManager.newBaseManager()) {
            int n = (int) c.shape.size();
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                // spread over both signs, away from the kinks of relu/hinge at 0 and 1
                values[i] = (float) (1.7 * Math.sin(1.3 * i + 0.4));
            }
            NDArray x = manager.create(values, c.shape);
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = c.f.apply(x);
                List<ByteBuffer> filler = new ArrayList<>();
                if (collect) {
                    for (int round = 0; round < 20; round++) {
                        System.gc();
                        ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
                        b.putFloat(1e30f);
                        filler.add(b);
                    }
                }
                collector.backward(y);
                assertThat(filler).hasSize(collect ? 20 : 0);
            }
            return x.getGradient().toFloatArray();
        }
    }

    /** Corners x1 y1 x2 y2 built from the input so that every box has a positive size. */
    private static NDArray boxes(NDArray x) {
        NDArray base = x.getManager().create(new float[] {0f, 0f, 10f, 10f, 5f, 5f, 20f, 15f, 2f, 8f, 9f, 30f},
                BOXES);
        return base.add(x);
    }

    private static NDArray targetBoxes(NDArray x) {
        return x.getManager().create(new float[] {1f, 1f, 12f, 9f, 4f, 7f, 18f, 16f, 3f, 6f, 11f, 28f}, BOXES);
    }

    private static NDArray signs(NDArray x) {
        float[] s = new float[(int) x.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = i % 2 == 0 ? 1f : -1f;
        }
        return x.getManager().create(s, x.getShape());
    }

    private static NDArray binary(NDArray x) {
        return signs(x).add(1f).div(x.getManager().create(2f));
    }

    /** A heat map with two centres (value 1) and soft values elsewhere. */
    private static NDArray heat(NDArray x) {
        float[] h = new float[(int) x.size()];
        for (int i = 0; i < h.length; i++) {
            h[i] = i % 5 == 0 ? 1f : 0.1f * (i % 7);
        }
        return x.getManager().create(h, x.getShape());
    }
}
