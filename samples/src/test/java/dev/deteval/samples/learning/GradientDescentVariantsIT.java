package dev.deteval.samples.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The numbers in the comments were measured under ATEN_CPU_CAPABILITY=default, avx2 and avx512 and agreed to
 * every printed digit; each bound is a property of the method (monotone descent, noise of one-row
 * gradients) with a margin of several times the measured value.
 */
final class GradientDescentVariantsIT {

    @TempDir
    static Path dir;

    private static GradientDescentVariants.Result result;
    private static GradientDescentVariants.Run batch;
    private static GradientDescentVariants.Run mini;
    private static GradientDescentVariants.Run sgd;
    private static String printed;

    @BeforeAll
    static void descend() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        result = GradientDescentVariants.run(dir, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        batch = result.runs().get(0);
        mini = result.runs().get(1);
        sgd = result.runs().get(2);
        printed = buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void run_sameEpochs_giveOneUpdatePerBatch() {
        int epochs = GradientDescentVariants.EPOCHS;
        int rows = GradientDescentVariants.SAMPLES;

        assertThat(batch.losses()).hasSize(epochs * rows / rows + 1);
        assertThat(mini.losses()).hasSize(epochs * rows / GradientDescentVariants.MINI_BATCH + 1);
        assertThat(sgd.losses()).hasSize(epochs * rows + 1);
        // every run starts from weights and bias 0, so the first value is the mean of y² for all three (8.904)
        assertThat(mini.losses()[0]).isEqualTo(batch.losses()[0]);
        assertThat(sgd.losses()[0]).isEqualTo(batch.losses()[0]);
    }

    @Test
    void run_batchGradientDescent_neverRaisesTheLoss() {
        // a gradient step on a quadratic with η below 1/curvature lowers the loss in exact arithmetic (η = 0.05;
        // the largest eigenvalue of the MSE's Hessian 2·AᵀA/n, A = 128 rows of 4 normal features and a 1, is
        // near 2(1 + √(5/128))² ≈ 2.8). Here each step lowers it by 0.24 or more (measured: 8.904, 7.239, …,
        // 1.551, 1.310), a million times the float32 rounding of an MSE near 1: no kernel can turn it into a rise
        assertThat(batch.increases()).isZero();
        float smallestDrop = Float.MAX_VALUE;
        for (int t = 1; t < batch.losses().length; t++) {
            smallestDrop = Math.min(smallestDrop, batch.losses()[t - 1] - batch.losses()[t]);
        }
        assertThat(smallestDrop).as("%s", Arrays.toString(batch.losses())).isGreaterThan(0.05f);
    }

    @Test
    void run_stochasticGradientDescent_raisesTheLossOftenAndMiniBatchesLessOften() {
        double sgdShare = sgd.increases() / (double) (sgd.losses().length - 1);
        double miniShare = mini.increases() / (double) (mini.losses().length - 1);

        // measured: SGD rose after 625 of 1,280 updates (0.49), mini-batches after 17 of 80 (0.21): near the
        // minimum a one-row step goes up about as often as down; sixteen rows average much of that noise out
        assertThat(sgdShare).isGreaterThan(0.3);
        assertThat(miniShare).isGreaterThan(0.05).isLessThan(sgdShare);
    }

    @Test
    void run_afterOneEpoch_moreUpdatesHaveGoneFurther() {
        // measured after one epoch: SGD 0.351, mini-batch 1.835, batch GD 7.239 (one step)
        assertThat(sgd.lossAfterEpochs(1)).isLessThan(mini.lossAfterEpochs(1) / 2);
        assertThat(mini.lossAfterEpochs(1)).isLessThan(batch.lossAfterEpochs(1) / 2);
    }

    @Test
    void run_finalLosses_lieInTheirBands() {
        double minimum = result.minimum();

        // the least-squares minimum 0.2791 bounds every MSE from below; the float32 MSE of 128 rows near 0.28 is
        // within a few ulps (3e-8 each) of the double value, so 1e-5 covers it
        for (GradientDescentVariants.Run r : result.runs()) {
            for (float loss : r.losses()) {
                assertThat((double) loss).as(r.name()).isGreaterThan(minimum - 1e-5);
            }
        }
        // batch GD: ten steps leave it far above the minimum (measured 1.310)
        assertThat((double) batch.finalLoss()).isGreaterThan(2 * minimum);
        // mini-batch: settled (measured last-epoch mean 0.2799, 0.0008 above the minimum)
        assertThat(mini.lastEpochMean() - minimum).isLessThan(0.01);
        // SGD: near the minimum but never settled (measured 0.3921 on average over the last epoch, 0.113 above;
        // the band is a factor of five either way)
        assertThat(sgd.lastEpochMean() - minimum).isGreaterThan(0.02).isLessThan(0.5);
    }

    @Test
    void run_printsTheMinimumAndEachMethodsLosses() {
        // the minimum is computed in double by Java from seeded data: the same digits on every machine
        assertThat(printed).contains("least-squares minimum of the training MSE: 0.2791")
                .containsPattern("batch GD \\(128 per step\\) +10 .* 0 updates")
                .containsPattern("SGD \\(1 per step\\) +1280 ");
    }

    @Test
    void run_writesOneCurvePerMethodAndTheMinimum() throws IOException {
        SvgDocument svg = SvgDocument.read(dir.resolve("gd-variants.svg"));

        assertThat(svg.seriesNames()).containsExactly("batch GD (128 per step)", "mini-batch GD (16 per step)",
                "SGD (1 per step)", "least-squares minimum 0.279");
        assertThat(SvgDocument.linePoints(svg.series().get(0))).isEqualTo(batch.losses().length);
        assertThat(SvgDocument.linePoints(svg.series().get(1))).isEqualTo(mini.losses().length);
        assertThat(SvgDocument.linePoints(svg.series().get(2))).isEqualTo(sgd.losses().length);
        assertThat(svg.xRange()).containsExactly(0.0, (double) GradientDescentVariants.EPOCHS);
        // log10 of every recorded MSE (0.28 to 8.8) lies inside the y window
        double[] y = svg.yRange();
        for (GradientDescentVariants.Run r : result.runs()) {
            for (float loss : r.losses()) {
                assertThat(Math.log10(loss)).isBetween(y[0], y[1]);
            }
        }
    }
}
