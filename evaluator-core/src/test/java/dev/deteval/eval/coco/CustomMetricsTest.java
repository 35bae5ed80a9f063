package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class CustomMetricsTest {

    private static final double E1 = Math.exp(-1);

    /** One category; images 1 and 2 each with one 10x10 ground truth at the origin (area 100). */
    private static GroundTruth.Builder twoImages() {
        return GroundTruth.builder().addImage(1).addImage(2).addCategory(1, "cat")
                .addAnnotation(1, 1, 1, 0, 0, 10, 10, 100, false, false)
                .addAnnotation(2, 2, 1, 0, 0, 10, 10, 100, false, false);
    }

    /**
     * Image 2 (time 10): a false positive at 0.95, then a hit at 0.9; image 1 (time 0): a hit at 0.8. Every box
     * hits with IoU 1 or misses with IoU 0, so all ten IoU thresholds give the same curve.
     */
    private static Detections timed() {
        return Detections.builder()
                .add(2, 1, 50, 50, 10, 10, 0.95).time(10)
                .add(2, 1, 0, 0, 10, 10, 0.9).time(10)
                .add(1, 1, 0, 0, 10, 10, 0.8).time(0)
                .build();
    }

    private static OutcomeTable evaluate(GroundTruth gt, Detections dt) {
        return OutcomeTable.evaluate(gt, dt, CocoParams.defaults(), false);
    }

    @Test
    void timeDecay_timesZeroAndTenTauTen_imagesWeighOneOverEAndOne() {
        OutcomeTable table = evaluate(twoImages().build(), timed());
        // plain AP: points (recall 1/2, precision 1/2) and (1, 2/3); the envelope is 2/3 everywhere
        assertThat(table.result().summary().stat("AP")).isCloseTo(2.0 / 3, within(1e-12));
        // weights: image 2 counts 1, image 1 exp(-(10 - 0) / 10) = 1/e; positives 1 + 1/e;
        // points (1 / (1 + 1/e), 1/2) and (1, (1 + 1/e) / (2 + 1/e)); the second precision (0.578) is the envelope
        double value = CustomMetrics.compute(table, List.of(new TimeDecayAp(10))).get("APtime");
        assertThat(value).isCloseTo((1 + E1) / (2 + E1), within(1e-12));
    }

    @Test
    void timeDecay_imageWithoutTime_countsFully() {
        GroundTruth gt = twoImages().addImage(3).addAnnotation(3, 3, 1, 0, 0, 10, 10, 100, false, false).build();
        OutcomeTable table = evaluate(gt, timed());
        // image 3 (no result, so no time) weighs 1: positives 2 + 1/e; the hits reach recall 1 / (2 + 1/e) and
        // (1 + 1/e) / (2 + 1/e), precision 1/2 and (1 + 1/e) / (2 + 1/e), whose envelope covers both points;
        // the recall thresholds 0, 0.01, ... up to the last recall get that precision, the rest 0
        double lastRecall = (1 + E1) / (2 + E1);
        double covered = Math.floor(100 * lastRecall) + 1;
        double value = new TimeDecayAp(10).compute(MatchView.of(table));
        assertThat(value).isCloseTo(covered / 101 * lastRecall, within(1e-12));
    }

    @Test
    void timeDecay_largeTau_equalsAp() {
        OutcomeTable table = evaluate(twoImages().build(), timed());
        // weights exp(-10 / 1e15) differ from 1 by 1e-14
        assertThat(new TimeDecayAp(1e15).compute(MatchView.of(table)))
                .isCloseTo(table.result().summary().stat("AP"), within(1e-12));
    }

    @Test
    void timeDecay_resultsWithoutTime_errorSaysTimeIsNeeded() {
        Detections untimed = Detections.builder().add(1, 1, 0, 0, 10, 10, 0.9).build();
        OutcomeTable table = evaluate(twoImages().build(), untimed);
        assertThatThrownBy(() -> CustomMetrics.compute(table, List.of(new TimeDecayAp())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("APtime needs a numeric \"time\"");
    }

    @Test
    void timeDecay_tauNotPositive_rejected() {
        assertThatThrownBy(() -> new TimeDecayAp(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tau");
    }

    @Test
    void sizeWeighted_smallHitMediumMissedNoLarge_fourToTwo() {
        GroundTruth gt = GroundTruth.builder().addImage(1).addCategory(1, "cat")
                .addAnnotation(1, 1, 1, 0, 0, 10, 10, 100, false, false)
                .addAnnotation(2, 1, 1, 100, 100, 50, 50, 2500, false, false).build();
        Detections dt = Detections.builder().add(1, 1, 0, 0, 10, 10, 0.9).build();
        OutcomeTable table = evaluate(gt, dt);
        CocoSummary s = table.result().summary();
        // APs = 1 (one hit, precision 1 up to eps), APm = 0 (missed), APl = -1 (no large ground truth)
        assertThat(s.stat("APs")).isCloseTo(1, within(1e-12));
        assertThat(s.stat("APm")).isEqualTo(0);
        assertThat(s.stat("APl")).isEqualTo(-1);
        double value = new SizeWeightedAp().compute(MatchView.of(table));
        assertThat(value).isCloseTo((4 * 1 + 2 * 0) / (4.0 + 2), within(1e-12));
    }

    @Test
    void sizeWeighted_noGroundTruth_minusOne() {
        GroundTruth gt = GroundTruth.builder().addImage(1).addCategory(1, "cat").build();
        Detections dt = Detections.builder().add(1, 1, 0, 0, 10, 10, 0.9).build();
        assertThat(new SizeWeightedAp().compute(MatchView.of(evaluate(gt, dt)))).isEqualTo(-1);
    }

    @Test
    void averagePrecision_factorsOne_equalsApOfRandomScenes() {
        for (long seed = 1; seed <= 5; seed++) {
            DetectionModel.Scene scene = DetectionModel.scene(60, seed);
            OutcomeTable table = OutcomeTable.evaluate(scene.groundTruth(),
                    DetectionModel.DEFAULT.detect(scene, seed + 1).detections(), CocoParams.defaults(), false);
            CocoSummary s = table.result().summary();
            assertThat(new CopiedAp().compute(MatchView.of(table))).as("seed " + seed)
                    .isCloseTo(s.stat("AP"), within(1e-12));
            // APsizeW from the summary's range values, renormalised over the defined ones
            double sum = 0;
            double weights = 0;
            double[] w = {4, 2, 1};
            String[] names = {"APs", "APm", "APl"};
            for (int r = 0; r < 3; r++) {
                if (s.stat(names[r]) > -1) {
                    sum += w[r] * s.stat(names[r]);
                    weights += w[r];
                }
            }
            assertThat(new SizeWeightedAp().compute(MatchView.of(table))).isCloseTo(sum / weights, within(1e-12));
        }
    }

    @Test
    void intervals_customMetric_sameAsApIntervalAndAroundValue() {
        DetectionModel.Scene scene = DetectionModel.scene(120, 9);
        OutcomeTable table = OutcomeTable.evaluate(scene.groundTruth(),
                DetectionModel.DEFAULT.detect(scene, 10).detections(), CocoParams.defaults(), true);
        ConfidenceIntervals ci = Bootstrap.intervals(table, new BootstrapSettings(0.9, 100, 3),
                List.of(new CopiedAp(), new SizeWeightedAp()));
        assertThat(ci.overall().keySet()).containsExactly("AP", "AP50", "AP75", "AR100", "APcopy", "APsizeW");
        assertThat(ci.of("APcopy").low()).isCloseTo(ci.of("AP").low(), within(1e-12));
        assertThat(ci.of("APcopy").high()).isCloseTo(ci.of("AP").high(), within(1e-12));
        double sizeW = new SizeWeightedAp().compute(MatchView.of(table));
        assertThat(ci.of("APsizeW").low()).isLessThan(sizeW);
        assertThat(ci.of("APsizeW").high()).isGreaterThan(sizeW);
    }

    @Test
    void installed_serviceLoaderMetricFromTestResources_knownByName() {
        assertThat(CustomMetrics.installed()).extracting(CustomMetric::name)
                .containsSubsequence("APtime", "APsizeW", "APcopy");
        assertThat(CustomMetrics.canonical("apcopy")).isEqualTo("APcopy");
        assertThat(CustomMetrics.canonical("AP")).isNull();
    }

    @Test
    void checkNames_cocoNameDuplicateOrBadName_rejectedNamingClass() {
        assertThatThrownBy(() -> CustomMetrics.checkNames(List.of(named("ap50"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("built-in metric name");
        assertThatThrownBy(() -> CustomMetrics.checkNames(List.of(named("APx"), named("apx"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is taken by");
        assertThatThrownBy(() -> CustomMetrics.checkNames(List.of(named("AP time"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("letters or digits");
    }

    @Test
    void parse_nameAndTau_metricWithThatTau_badOptionsRejected() {
        assertThat(((TimeDecayAp) CustomMetrics.parse("aptime:tau=30")).tau()).isEqualTo(30);
        assertThat(CustomMetrics.parse("APsizeW")).isInstanceOf(SizeWeightedAp.class);
        assertThatThrownBy(() -> CustomMetrics.parse("APsizeW:tau=3")).hasMessageContaining("takes no options");
        assertThatThrownBy(() -> CustomMetrics.parse("APtime:tau=x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> CustomMetrics.parse("APtime:window=3")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> CustomMetrics.parse("nope")).hasMessageContaining("unknown custom metric 'nope'")
                .hasMessageContaining("APtime, APsizeW");
    }

    @Test
    void compute_valuesByNameInOrder() {
        OutcomeTable table = evaluate(twoImages().build(), timed());
        Map<String, Double> values = CustomMetrics.compute(table, List.of(new SizeWeightedAp(), new TimeDecayAp()));
        assertThat(values.keySet()).containsExactly("APsizeW", "APtime");
    }

    private static CustomMetric named(String name) {
        return new CustomMetric() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "";
            }

            @Override
            public double compute(MatchView view) {
                return 0;
            }
        };
    }
}
