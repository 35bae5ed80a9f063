package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

final class BootstrapTest {

    private static OutcomeTable table(int images, long seed) {
        DetectionModel.Scene scene = DetectionModel.scene(images, seed);
        return OutcomeTable.evaluate(scene.groundTruth(), DetectionModel.DEFAULT.detect(scene, seed + 1).detections(),
                CocoParams.defaults(), true);
    }

    private static ConfidenceIntervals inPool(int threads, OutcomeTable table, BootstrapSettings s) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> Bootstrap.intervals(table, s)).get();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void intervals_oneOrThreeThreads_identical() throws Exception {
        OutcomeTable table = table(150, 3);
        BootstrapSettings s = new BootstrapSettings(0.9, 101, 42);
        assertThat(inPool(3, table, s)).isEqualTo(inPool(1, table, s));
    }

    @Test
    void intervals_sameSeed_identical_otherSeed_differs() {
        OutcomeTable table = table(150, 3);
        ConfidenceIntervals a = Bootstrap.intervals(table, new BootstrapSettings(0.95, 50, 7));
        ConfidenceIntervals b = Bootstrap.intervals(table, new BootstrapSettings(0.95, 50, 7));
        ConfidenceIntervals c = Bootstrap.intervals(table, new BootstrapSettings(0.95, 50, 8));
        assertThat(a).isEqualTo(b);
        assertThat(c.of("AP")).isNotEqualTo(a.of("AP"));
    }

    @Test
    void intervals_defaultParams_headlineAndEveryCategoryAroundTheValue() {
        OutcomeTable table = table(200, 11);
        ConfidenceIntervals ci = Bootstrap.intervals(table, new BootstrapSettings(0.95, 200, 1));
        assertThat(ci.overall().keySet()).containsExactly("AP", "AP50", "AP75", "AR100");
        for (String metric : ci.overall().keySet()) {
            Interval i = ci.of(metric);
            double value = table.result().summary().stat(metric);
            assertThat(i.low()).as(metric).isLessThan(value);
            assertThat(i.high()).as(metric).isGreaterThan(value);
            assertThat(i.level()).isEqualTo(0.95);
            assertThat(i.resamples()).isEqualTo(200);
        }
        for (CategoryMetrics row : table.result().perCategory()) {
            Interval i = ci.of(row.id(), "AP");
            assertThat(i.low()).isLessThan(row.ap());
            assertThat(i.high()).isGreaterThan(row.ap());
        }
    }

    @Test
    void intervals_higherLevel_widerInterval() {
        OutcomeTable table = table(200, 11);
        Interval narrow = Bootstrap.intervals(table, new BootstrapSettings(0.5, 200, 1)).of("AP");
        Interval wide = Bootstrap.intervals(table, new BootstrapSettings(0.99, 200, 1)).of("AP");
        assertThat(wide.low()).isLessThan(narrow.low());
        assertThat(wide.high()).isGreaterThan(narrow.high());
    }

    @Test
    void settings_levelOutsideOpenUnitInterval_rejected() {
        assertThatThrownBy(() -> new BootstrapSettings(1, 10, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strictly between 0 and 1");
        assertThatThrownBy(() -> new BootstrapSettings(0.95, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("number of resamples");
    }

    @Test
    void percent_levels_printedWithoutTrailingZeros() {
        assertThat(new BootstrapSettings(0.95, 1, 1).percent()).isEqualTo("95%");
        assertThat(new BootstrapSettings(0.999, 1, 1).percent()).isEqualTo("99.9%");
    }

    @Test
    void draw_anyResample_drawsAsManyImagesAsThereAre() {
        int[] weights = new int[37];
        ResampleRuns.draw(5, 12, weights);
        assertThat(java.util.Arrays.stream(weights).sum()).isEqualTo(37);
    }
}
