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

/** Target [0,0,2,2], prediction [d,0,d+2,3]: union 4 + 6 − I, enclosing box (d + 2) × 3 once d ≥ 0. */
final class BoxLossCurvesIT {

    /** float32 box arithmetic on coordinates below 10: a few ulps. */
    private static final float TOLERANCE = 1e-5f;

    @TempDir
    static Path dir;

    private static List<BoxLossCurves.Curve> curves;

    @BeforeAll
    static void slide() {
        curves = BoxLossCurves.run(dir, new PrintStream(new ByteArrayOutputStream()));
    }

    private static BoxLossCurves.Curve curve(String name) {
        return curves.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void run_iouLoss_isOneWithZeroSlopeForEveryDisjointShift() {
        BoxLossCurves.Curve iou = curve("IoU");

        for (int i = iou.index(2.05f); i < BoxLossCurves.POINTS; i++) {
            // exact: the clamped intersection max(0, ·) passes no gradient, and I/U = 0/U
            assertThat(iou.value()[i]).as("d = %s", iou.shift()[i]).isEqualTo(1f);
            assertThat(Math.abs(iou.slope()[i])).as("d = %s", iou.shift()[i]).isEqualTo(0f); // abs: either signed zero
        }
    }

    @Test
    void run_iouLossWhileOverlapping_followsOneMinusIOverU() {
        BoxLossCurves.Curve iou = curve("IoU");
        int i = iou.index(0.5f);

        // I = 1.5·2 = 3, U = 10 − 3 = 7; d/dd of 1 − (6 − 2d)/(4 + 2d): (2·7 + 3·2)/49
        assertThat(iou.value()[i]).isCloseTo(1 - 3f / 7, within(TOLERANCE));
        assertThat(iou.slope()[i]).isCloseTo((2 * 7 + 3 * 2) / 49f, within(TOLERANCE));
    }

    @Test
    void run_giouAndDiouWhenDisjoint_keepAPositiveSlope() {
        int i = curve("GIoU").index(3f);

        // GIoU loss = 2 − 10/(3(d + 2)): slope 10/(3(d + 2)²) = 10/75 at d = 3
        assertThat(curve("GIoU").value()[i]).isCloseTo(2 - 10f / 15, within(TOLERANCE));
        assertThat(curve("GIoU").slope()[i]).isCloseTo(10f / 75, within(TOLERANCE));
        // DIoU loss = 1 + ρ²/c², ρ² = d² + 0.5², c² = (d + 2)² + 3²: slope (2d·c² − ρ²·2(d + 2))/c⁴
        float rho2 = 9.25f;
        float c2 = 34f;
        assertThat(curve("DIoU").value()[i]).isCloseTo(1 + rho2 / c2, within(TOLERANCE));
        assertThat(curve("DIoU").slope()[i]).isCloseTo((6 * c2 - rho2 * 10) / (c2 * c2), within(TOLERANCE));
    }

    @Test
    void run_l1PerCoordinate_growsAtAConstantHalf() {
        BoxLossCurves.Curve l1 = curve("L1 per coordinate");
        int i = l1.index(4f);

        // (|d| + 0 + |d| + |3 − 2|)/4 and its slope 2/4
        assertThat(l1.value()[i]).isCloseTo((4 + 4 + 1) / 4f, within(TOLERANCE));
        assertThat(l1.slope()[i]).isCloseTo(0.5f, within(TOLERANCE));
    }

    @Test
    void run_ciouWithTallerPrediction_liesAboveDiou() {
        int i = curve("CIoU").index(1f);

        // the aspect term α·v > 0 because the prediction is 2×3 against a 2×2 target
        assertThat(curve("CIoU").value()[i]).isGreaterThan(curve("DIoU").value()[i]);
    }

    @Test
    void run_writesValueAndSlopePlotsWithFiveLosses() throws IOException {
        for (String file : new String[] {"box-loss-values.svg", "box-loss-gradients.svg"}) {
            SvgDocument svg = SvgDocument.read(dir.resolve(file));

            assertThat(svg.seriesNames()).as(file).containsExactly("L1 per coordinate", "IoU", "GIoU", "DIoU", "CIoU");
            assertThat(svg.xRange()).containsExactly(0.0, 6.0);
            for (var series : svg.series()) {
                assertThat(SvgDocument.linePoints(series)).isEqualTo(BoxLossCurves.POINTS);
            }
        }
    }
}
