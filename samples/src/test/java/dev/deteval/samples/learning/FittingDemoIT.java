package dev.deteval.samples.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@link FittingDemo} teaches, asserted with margins that a change of floating-point kernel cannot
 * cross. Each fit is the mean of five seeds; on this machine the means moved by at most 0.02 between
 * {@code ATEN_CPU_CAPABILITY=default}, {@code avx2} and {@code avx512} (single seeds moved by up to 0.03),
 * and every bound below is at least twice that away from the measured value (docs/learning.md has the
 * table).
 */
final class FittingDemoIT {

    private static final ByteArrayOutputStream OUTPUT = new ByteArrayOutputStream();
    private static List<FittingDemo.Fit> fits;

    @BeforeAll
    static void train() {
        fits = FittingDemo.run(new PrintStream(OUTPUT, true, StandardCharsets.UTF_8));
    }

    @Test
    void run_linearModel_underfitsBothSets() {
        FittingDemo.Fit linear = fits.get(0);

        // measured 0.575 / 0.542: a half-plane cannot separate a disc from its surroundings; the bound leaves
        // 0.125 of room, and a convex fit does not depend on the seed
        assertThat(linear.trainAccuracy()).isLessThan(0.7f);
        assertThat(linear.validationAccuracy()).isLessThan(0.7f);
    }

    @Test
    void run_plainMlp_memorizesFlippedLabels() {
        FittingDemo.Fit plain = fits.get(1);

        // a fifth of the training labels are flipped, so anything above ~0.8 on them is memorized noise;
        // measured 1.000 train and a gap of 0.29
        assertThat(plain.trainAccuracy()).isGreaterThan(0.95f);
        assertThat(plain.gap()).isGreaterThan(0.2f);
    }

    @Test
    void run_moderateL2_closesTheGapAndRaisesValidation() {
        FittingDemo.Fit plain = fits.get(1);
        FittingDemo.Fit regularized = fits.get(2);

        // measured: gap 0.29 -> 0.005 and validation 0.708 -> 0.822, i.e. margins of 0.13 and 0.06 over the bounds
        assertThat(regularized.gap()).isLessThan(plain.gap() - 0.15f);
        assertThat(regularized.validationAccuracy()).isGreaterThan(plain.validationAccuracy() + 0.05f);
    }

    @Test
    void run_strongL2_collapsesToOneAnswer() {
        FittingDemo.Data train = FittingDemo.data(new Random(1), FittingDemo.TRAIN, FittingDemo.LABEL_NOISE);
        FittingDemo.Fit overRegularized = fits.get(3);

        // every seed ends at the majority share (104/200 = 0.52 of the training labels are 0); the bound
        // 0.6 leaves room for a few points that tiny leftover weights might still get right
        assertThat(overRegularized.trainAccuracy()).isLessThan(0.6f);
        assertThat(overRegularized.trainAccuracy()).isGreaterThanOrEqualTo(train.negativeShare() - 0.05f);
        assertThat(overRegularized.trainAccuracy()).isLessThan(fits.get(2).trainAccuracy() - 0.2f);
    }

    @Test
    void run_batchNormDropoutWeightDecay_narrowsTheGap() {
        // measured gap 0.07-0.09 against the plain MLP's 0.29
        assertThat(fits.get(4).gap()).isLessThan(fits.get(1).gap() - 0.1f);
    }

    @Test
    void run_printsOneRowPerModel() {
        List<String> lines = OUTPUT.toString(StandardCharsets.UTF_8).lines().toList();

        assertThat(lines).anyMatch(l -> l.matches("model\\s+train\\s+valid\\s+gap"));
        assertThat(fits).hasSize(5);
        for (FittingDemo.Fit fit : fits) {
            assertThat(lines).anyMatch(l -> l.startsWith(fit.model())
                    && l.endsWith(String.format("%6.3f %6.3f %6.3f", fit.trainAccuracy(), fit.validationAccuracy(),
                            fit.gap())));
        }
    }

    @Test
    void data_noise_flipsAboutThatShareOfLabels() {
        FittingDemo.Data clean = FittingDemo.data(new Random(3), 2000, 0f);
        FittingDemo.Data noisy = FittingDemo.data(new Random(3), 2000, 0.2f);

        int flipped = 0;
        for (int i = 0; i < clean.size(); i++) {
            flipped += clean.labels()[i] != noisy.labels()[i] ? 1 : 0;
        }
        // binomial(2000, 0.2): mean 400, standard deviation sqrt(2000 * 0.2 * 0.8) = 17.9; ±5 sd
        assertThat(flipped).isBetween(310, 490);
        assertThat(noisy.features()).containsExactly(clean.features());
    }

    @Test
    void data_sameSeed_balancedCircleLabels() {
        FittingDemo.Data data = FittingDemo.data(new Random(2), FittingDemo.VALIDATION, 0f);

        // P(χ²₂ < 1.386) = 1 − e^(−1.386/2) = 0.5; 1,000 draws have a standard deviation of 0.016
        assertThat(data.negativeShare()).isBetween(0.45f, 0.55f);
        assertThat(FittingDemo.data(new Random(2), 5, 0f).features())
                .containsExactly(FittingDemo.data(new Random(2), 5, 0f).features());
    }
}
