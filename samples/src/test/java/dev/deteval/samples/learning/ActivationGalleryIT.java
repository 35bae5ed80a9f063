package dev.deteval.samples.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ActivationGalleryIT {

    /** float32 evaluation of tanh, exp and the like: a few ulps of values at most 4. */
    private static final float TOLERANCE = 1e-6f;

    @TempDir
    static Path dir;

    private static List<ActivationGallery.Curve> curves;

    @BeforeAll
    static void sample() {
        curves = ActivationGallery.run(dir, new PrintStream(new ByteArrayOutputStream()));
    }

    private static ActivationGallery.Curve curve(String name) {
        return curves.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void run_sigmoidAndTanh_haveTheirTextbookSlopes() {
        double sigmoidOfOne = 1 / (1 + Math.exp(-1));

        assertThat(curve("sigmoid").derivativeAt(0)).isCloseTo(0.25f, within(TOLERANCE));
        assertThat((double) curve("sigmoid").derivativeAt(1)).isCloseTo(sigmoidOfOne * (1 - sigmoidOfOne),
                within((double) TOLERANCE));
        assertThat(curve("tanh").derivativeAt(0)).isCloseTo(1f, within(TOLERANCE));
        assertThat((double) curve("tanh").derivativeAt(1)).isCloseTo(1 - Math.tanh(1) * Math.tanh(1),
                within((double) TOLERANCE));
    }

    @Test
    void run_reluFamily_negativeSlopeIsAlpha() {
        // exact: the backward multiplies the upstream 1 by 0, α or 1
        assertThat(curve("ReLU").derivativeAt(-1)).isEqualTo(0f);
        assertThat(curve("ReLU").derivativeAt(0)).isEqualTo(0f);
        assertThat(curve("leaky ReLU a=0.1").derivativeAt(-1)).isEqualTo(0.1f);
        assertThat(curve("annealed leaky ReLU, step 0 (a=0.3)").derivativeAt(-2)).isEqualTo(0.3f);
        assertThat(curve("annealed leaky ReLU, step 0 (a=0.3)").derivativeAt(2)).isEqualTo(1f);
    }

    @Test
    void run_annealedHalfway_slopeIsTheCosineScheduleAtFifty() {
        // 0 + (0.3 − 0)·(1 + cos(π·50/100))/2 = 0.15
        assertThat(curve("annealed leaky ReLU, step 50 (a=0.15)").derivativeAt(-1)).isCloseTo(0.15f, within(TOLERANCE));
        assertThat(curve("annealed leaky ReLU, step 50 (a=0.15)").valueAt(-2)).isCloseTo(-0.3f, within(TOLERANCE));
    }

    @Test
    void run_writesBothPlotsWithSixCurvesOverTheGrid() throws IOException {
        for (String file : new String[] {"activations.svg", "derivatives.svg"}) {
            SvgDocument svg = SvgDocument.read(dir.resolve(file));

            assertThat(svg.seriesNames()).as(file).hasSize(6).startsWith("tanh", "sigmoid", "ReLU");
            assertThat(svg.xRange()).containsExactly(-4.0, 4.0);
            for (var series : svg.series()) {
                assertThat(SvgDocument.linePoints(series)).isEqualTo(ActivationGallery.POINTS);
            }
        }
        assertThat(SvgDocument.read(dir.resolve("derivatives.svg")).yRange()).containsExactly(-0.1, 1.1);
    }
}
