package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.conformance.ConformanceCase;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.io.CocoParamsReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Operating points and per-image counts read from an evaluation's match table ({@link OutcomeTable}) equal
 * those of matching again ({@link OperatingPoints#compute(GroundTruth, Detections, CocoParams, double)},
 * {@link PerImageCounts#compute(GroundTruth, Detections, CocoParams, double, double)}), exactly: on every
 * COCO case of the conformance suite and on random scenes with crowds, ignore flags, tied scores and more
 * than 100 detections per image and category. The IoU thresholds tried include ones the evaluation did not
 * use, where the table path falls back to matching again.
 */
final class OutcomeTableAnalysesTest {

    static List<ConformanceCase> cases() {
        return ConformanceCase.all().stream().filter(c -> c.kind().equals("coco") && c.status().equals("ok"))
                .toList();
    }

    private record Evaluated(GroundTruth gt, Detections dt, OutcomeTable table) {
    }

    private static Evaluated conformance(ConformanceCase c) {
        CocoParams params = c.paramsFile() == null ? CocoParams.defaults()
                : CocoParamsReader.read(c.paramsFile(), CocoMode.COMPAT);
        CocoJsonReader reader = new CocoJsonReader(params.iouType());
        GroundTruth gt = reader.readGroundTruth(c.gt());
        Detections dt = reader.readResults(c.dt(), gt);
        return new Evaluated(gt, dt, OutcomeTable.evaluate(gt, dt, params, false));
    }

    /** The evaluation's own thresholds, and 0.5 and 0.42 (not among the defaults). */
    private static double[] ious(CocoParams p) {
        double[] own = p.iouThrs();
        double[] all = Arrays.copyOf(own, own.length + 2);
        all[own.length] = 0.5;
        all[own.length + 1] = 0.42;
        return all;
    }

    /** 0, 1, a value above every score and every distinct score of {@code dt}. */
    private static double[] confidences(Detections dt) {
        double[] scores = Arrays.stream(dt.scoreColumn()).distinct().toArray();
        double[] all = Arrays.copyOf(scores, scores.length + 3);
        all[scores.length] = 0;
        all[scores.length + 1] = 1;
        all[scores.length + 2] = 2;
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void operatingPoints_conformanceCase_tableEqualsMatchingAgain(ConformanceCase c) {
        Evaluated e = conformance(c);
        for (double iou : ious(e.table().params())) {
            assertSameOperatingPoints(OperatingPoints.compute(e.table(), e.gt(), e.dt(), iou),
                    OperatingPoints.compute(e.gt(), e.dt(), e.table().params(), iou), confidences(e.dt()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void perImageCounts_conformanceCase_tableEqualsMatchingAgain(ConformanceCase c) {
        Evaluated e = conformance(c);
        double[] confidences = confidences(e.dt());
        int step = Math.max(1, confidences.length / 30); // about 30 of them, the last three (0, 1, 2) always
        for (double iou : ious(e.table().params())) {
            for (int i = confidences.length - 1; i >= 0; i -= i >= confidences.length - 3 ? 1 : step) {
                double confidence = confidences[i];
                assertThat(PerImageCounts.compute(e.table(), e.gt(), e.dt(), iou, confidence).worstFirst())
                        .as("%s iou %s confidence %s", c.name(), iou, confidence)
                        .isEqualTo(PerImageCounts.compute(e.gt(), e.dt(), e.table().params(), iou, confidence)
                                .worstFirst());
            }
        }
    }

    @Test
    void operatingRow_defaultParameters_readsTheTableAtEveryThresholdOnly() {
        Evaluated e = conformance(cases().stream().filter(c -> c.name().equals("random_s1_i50_c3")).findFirst()
                .orElseThrow());
        double[] thresholds = CocoParams.defaults().iouThrs();
        for (int t = 0; t < thresholds.length; t++) {
            // area "all" is row 0 of the default area ranges
            assertThat(e.table().operatingRow(thresholds[t])).isEqualTo(t);
        }
        assertThat(e.table().operatingRow(0.42)).isEqualTo(-1);
    }

    @Test
    void operatingRow_maxDetsBelowHundred_matchesAgain() {
        Scene s = scene(new Random(1));
        OutcomeTable table = OutcomeTable.evaluate(s.gt(), s.dt(),
                CocoParams.builder(CocoMode.COMPAT).optMaxDets(1, 10, 50).build(), false);
        assertThat(table.operatingRow(0.5)).isEqualTo(-1);
    }

    @Test
    void compute_randomScenes_tableEqualsMatchingAgain() {
        for (long seed = 0; seed < 25; seed++) {
            Random r = new Random(seed);
            Scene s = scene(r);
            List<CocoParams> params = List.of(CocoParams.defaults(),
                    CocoParams.builder(CocoMode.COMPAT).optUseCats(false).build(),
                    CocoParams.builder(CocoMode.CORRECTED).build(),
                    CocoParams.builder(CocoMode.COMPAT).optMaxDets(1, 10, 150).build(),
                    CocoParams.builder(CocoMode.COMPAT).optIouThrs(0.3, 0.5).optAreaRanges(
                            new double[][] {{0, 1e5}, {0, 1e10}}, "some", "all").build());
            for (CocoParams p : params) {
                OutcomeTable table = OutcomeTable.evaluate(s.gt(), s.dt(), p, true);
                double[] confidences = confidences(s.dt());
                for (double iou : ious(p)) {
                    assertSameOperatingPoints(OperatingPoints.compute(table, s.gt(), s.dt(), iou),
                            OperatingPoints.compute(s.gt(), s.dt(), p, iou), confidences);
                    for (int i = 0; i < 12; i++) {
                        double confidence = confidences[r.nextInt(confidences.length)];
                        assertThat(PerImageCounts.compute(table, s.gt(), s.dt(), iou, confidence).worstFirst())
                                .as("seed %d iou %s confidence %s", seed, iou, confidence)
                                .isEqualTo(PerImageCounts.compute(s.gt(), s.dt(), p, iou, confidence).worstFirst());
                    }
                }
            }
        }
    }

    private static void assertSameOperatingPoints(OperatingPoints actual, OperatingPoints expected,
            double[] confidences) {
        assertThat(actual.iou()).isEqualTo(expected.iou());
        assertThat(actual.categoryCount()).isEqualTo(expected.categoryCount());
        assertThat(actual.bestF1()).isEqualTo(expected.bestF1());
        for (double c : confidences) {
            assertThat(actual.at(c)).as("confidence %s", c).isEqualTo(expected.at(c));
        }
        for (int k = -1; k < expected.categoryCount(); k++) {
            PrCurve a = actual.rawCurve(k);
            PrCurve b = expected.rawCurve(k);
            assertThat(a.categoryId()).isEqualTo(b.categoryId());
            assertThat(a.name()).isEqualTo(b.name());
            assertThat(a.score()).isEqualTo(b.score());
            assertThat(a.precision()).isEqualTo(b.precision());
            assertThat(a.recall()).isEqualTo(b.recall());
        }
    }

    private record Scene(GroundTruth gt, Detections dt) {
    }

    /**
     * Twelve images, three categories; some ground truths crowd or marked ignore; each object found zero to
     * three times (sometimes with the wrong class); scores on a coarse grid so ties occur; in one image one
     * category gets 130 detections, so the cut at 100 per image and category matters.
     */
    private static Scene scene(Random r) {
        GroundTruth.Builder g = GroundTruth.builder().addCategory(1, "a").addCategory(2, "b").addCategory(3, "c");
        List<double[]> rows = new ArrayList<>();
        long id = 1;
        for (int image = 1; image <= 12; image++) {
            g.addImage(image, 200, 200, "img" + image + ".jpg");
            for (int o = r.nextInt(7); o > 0; o--) {
                double x = r.nextInt(150);
                double y = r.nextInt(150);
                double w = 3 + r.nextInt(60);
                double h = 3 + r.nextInt(60);
                long cat = 1 + r.nextInt(3);
                g.addAnnotation(id++, image, cat, x, y, w, h, w * h, r.nextInt(8) == 0, r.nextInt(8) == 0);
                for (int c = r.nextInt(4); c > 0; c--) {
                    long dc = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : cat;
                    rows.add(new double[] {image, dc, x + r.nextInt(9) - 4, y + r.nextInt(9) - 4, w + r.nextInt(7) - 3,
                            h, r.nextInt(11) / 10.0});
                }
            }
            int extra = image == 5 ? 130 : r.nextInt(4);
            for (int f = 0; f < extra; f++) {
                rows.add(new double[] {image, image == 5 ? 2 : 1 + r.nextInt(3), r.nextInt(180), r.nextInt(180),
                        5 + r.nextInt(40), 5 + r.nextInt(40), r.nextInt(21) / 20.0});
            }
        }
        Detections.Builder d = Detections.builder();
        for (double[] v : rows) {
            d.add((long) v[0], (long) v[1], v[2], v[3], Math.max(1, v[4]), v[5], v[6]);
        }
        return new Scene(g.build(), d.build());
    }
}
