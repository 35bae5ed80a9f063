package dev.deteval.samples.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class FittingDemoIT {

    private static final ByteArrayOutputStream OUTPUT = new ByteArrayOutputStream();
    private static List<FittingDemo.Fit> fits;

    @BeforeAll
    static void train() {
        fits = FittingDemo.run(new PrintStream(OUTPUT, true, StandardCharsets.UTF_8));
    }

    @Test
    void run_regularizedMlp_hasSmallerGapAndBetterValidationThanPlainMlp() {
        FittingDemo.Fit plain = fits.get(1);
        FittingDemo.Fit regularized = fits.get(2);

        assertThat(regularized.gap()).isLessThan(plain.gap() - 0.1f);
        assertThat(regularized.validationAccuracy()).isGreaterThan(plain.validationAccuracy() + 0.1f);
    }

    @Test
    void run_plainMlp_memorizesTheTrainingSet() {
        assertThat(fits.get(1).trainAccuracy()).isGreaterThanOrEqualTo(0.99f);
        assertThat(fits.get(1).validationAccuracy()).isLessThan(0.7f);
    }

    @Test
    void run_linearAndOverRegularized_underfitTheTrainingSet() {
        // a circle is not linearly separable, and weight decay 2 shrinks the MLP to near chance
        assertThat(fits.get(0).trainAccuracy()).isLessThan(0.8f);
        assertThat(fits.get(3).trainAccuracy()).isLessThan(0.65f);
    }

    @Test
    void run_printsOneRowPerModel() {
        List<String> lines = OUTPUT.toString(StandardCharsets.UTF_8).lines().toList();

        assertThat(lines).anyMatch(l -> l.matches("model\\s+train\\s+valid\\s+gap"));
        for (FittingDemo.Fit fit : fits) {
            assertThat(lines).anyMatch(l -> l.startsWith(fit.model())
                    && l.endsWith(String.format("%6.3f %6.3f %6.3f", fit.trainAccuracy(), fit.validationAccuracy(),
                            fit.gap())));
        }
    }

    @Test
    void data_sameSeed_balancedCircleLabels() {
        FittingDemo.Data data = FittingDemo.data(new Random(2), FittingDemo.VALIDATION);

        float positives = 0;
        for (float label : data.labels()) {
            positives += label;
        }
        // P(χ²₂ < 1.386) = 1 − e^(−1.386/2) = 0.5
        assertThat(positives / data.size()).isBetween(0.45f, 0.55f);
        assertThat(FittingDemo.data(new Random(2), 5).features())
                .containsExactly(FittingDemo.data(new Random(2), 5).features());
    }
}
