package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Do the intervals cover the true value at the nominal rate? Data come from a known model
 * ({@link DetectionModel#DEFAULT}); the true AP is the model's AP, taken as the AP of one very large draw
 * (40,000 images: its own sampling error is about √(300 / 40,000) ≈ 9% of a 300-image sample's, small
 * beside the interval widths). Each trial draws a fresh 300-image data set, computes the 90% interval with
 * 400 resamples, and records whether it contains the true value.
 *
 * <p>Why the bound cannot pass by accident. If the intervals cover at the nominal 90%, the number of
 * covering intervals in {@value #TRIALS} independent trials is Binomial(200, 0.9): mean 180, standard
 * deviation √(200 · 0.9 · 0.1) ≈ 4.24. The test accepts 180 ± 4 standard deviations, [163, 197]; a
 * correct method fails it with probability below 1e-4 (normal tail; the exact binomial tail is of the
 * same order). A wrong method passes only if its coverage happens to be near 90%: intervals that are too
 * narrow by half (coverage about 60%) give a mean of 120 and would need a 7-deviation excursion; intervals
 * that always cover (too wide, or [0, 1]) give 200, outside the bound (probability 0.9^200 ≈ 7e-10 for a
 * correct method to cover every time). The seeds are fixed, so the outcome is reproducible; the bound was
 * set from this arithmetic before the test was first run, not fitted to its result.
 */
final class BootstrapCoverageTest {

    private static final int TRIALS = 200;
    private static final int IMAGES = 300;
    private static final double LEVEL = 0.9;

    @Test
    void intervals_repeatedDrawsFromKnownModel_coverTrueValueAtNominalRate() {
        DetectionModel model = DetectionModel.DEFAULT;
        DetectionModel.Scene population = DetectionModel.scene(40_000, 1_000_000);
        CocoResult truth = CocoEvaluator.evaluate(population.groundTruth(),
                model.detect(population, 1_000_001).detections(), CocoParams.defaults());
        double trueAp = truth.summary().ap();
        double trueAp50 = truth.summary().ap50();

        int coveredAp = 0;
        int coveredAp50 = 0;
        double width = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            DetectionModel.Scene scene = DetectionModel.scene(IMAGES, 2L * trial);
            OutcomeTable table = OutcomeTable.evaluate(scene.groundTruth(),
                    model.detect(scene, 2L * trial + 1).detections(), CocoParams.defaults(), true);
            ConfidenceIntervals ci = Bootstrap.intervals(table, new BootstrapSettings(LEVEL, 400, trial));
            coveredAp += covers(ci.of("AP"), trueAp) ? 1 : 0;
            coveredAp50 += covers(ci.of("AP50"), trueAp50) ? 1 : 0;
            width += ci.of("AP").high() - ci.of("AP").low();
        }
        double mean = TRIALS * LEVEL;
        double sd = Math.sqrt(TRIALS * LEVEL * (1 - LEVEL));
        assertThat((double) coveredAp).as("AP intervals covering %s of %d", trueAp, TRIALS)
                .isBetween(mean - 4 * sd, mean + 4 * sd);
        assertThat((double) coveredAp50).as("AP50 intervals covering %s of %d", trueAp50, TRIALS)
                .isBetween(mean - 4 * sd, mean + 4 * sd);
        assertThat(width / TRIALS).as("mean AP interval width").isGreaterThan(0);
    }

    private static boolean covers(Interval i, double value) {
        return i.low() <= value && value <= i.high();
    }
}
