package dev.deteval.samples.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GAN sample's claims. The bars are far from what was measured, because GAN training is chaotic: a
 * different floating-point kernel is a small perturbation that can end anywhere a different seed ends.
 * Measured with 1,500 steps over seeds 1–5 and 19 (one thread, AVX-512): GAN W1 0.06–0.42 and mode shares
 * 0.42–0.56 each; L2 W1 1.94–1.98 with no sample near a mode.
 */
final class GanMixtureIT {

    @TempDir
    static Path dir;

    private static GanMixture.Result result;
    private static String printed;

    @BeforeAll
    static void train() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        result = GanMixture.run(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8), GanMixture.STEPS,
                GanMixture.SEED);
        printed = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void run_l2Fit_averagesTheModes() {
        GanMixture.Fit l2 = result.l2();

        // the L2 optimum is E[x] = 0 for every z; 0.1 leaves room for an unfinished fit yet is far from ±2
        assertThat(GanMixture.mean(l2.samples())).isCloseTo(0, within(0.1));
        assertThat(l2.nearEitherMode()).isLessThan(0.05);
        // moving every sample from about 0 to about ±2 costs about 2
        assertThat(l2.wasserstein()).isGreaterThan(1.5);
    }

    @Test
    void run_gan_coversBothModes() {
        double[] shares = result.gan().modeShares();

        // the target has 0.499 within 3σ of each mode; a collapsed GAN would have ≈ 0 on one of them
        assertThat(shares[0]).isGreaterThan(0.3);
        assertThat(shares[1]).isGreaterThan(0.3);
        assertThat(result.gan().nearEitherMode()).isGreaterThan(0.8);
    }

    @Test
    void run_gan_isCloserToTheTargetThanHalfTheL2Fit() {
        assertThat(result.gan().wasserstein()).isLessThan(1.0).isLessThan(result.l2().wasserstein() / 2);
    }

    @Test
    void run_printsBothRowsAndTheReason() {
        assertThat(printed).contains("L2 (explicit)", "GAN (learned)", "W1", "regresses every noise value");
    }

    @Test
    void run_writesPlotWithTargetL2AndGanHistograms() throws IOException {
        SvgDocument svg = SvgDocument.read(dir.resolve("gan-mixture.svg"));

        assertThat(svg.seriesNames()).hasSize(3).first().isEqualTo("target (real samples)");
        assertThat(svg.seriesNames().get(1)).startsWith("L2 fit, W1 ");
        assertThat(svg.xRange()).containsExactly(-3.5, 3.5);
        for (var series : svg.series()) {
            // 70 bins: two corners each, plus the two ends on the axis
            assertThat(SvgDocument.linePoints(series)).isEqualTo(2 * 70 + 2);
        }
    }
}
