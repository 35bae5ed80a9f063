package dev.deteval.eval.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.deteval.eval.check.InvalidRuleException;
import dev.deteval.eval.check.MetricSnapshot;
import dev.deteval.eval.check.Protocol;
import dev.deteval.eval.check.RuleSyntax;
import dev.deteval.eval.coco.BootstrapSettings;
import dev.deteval.eval.coco.CustomMetric;
import dev.deteval.eval.coco.MatchView;
import dev.deteval.eval.conformance.ConformanceCase;
import dev.deteval.eval.report.ReportFormat;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Custom metrics through the library's one call, {@link Gate#run}: programmatic and installed ones. */
final class GateCustomMetricsTest {

    private static final ConformanceCase CASE = ConformanceCase.all().stream()
            .filter(c -> c.name().equals("random_s2_i100_c5")).findFirst().orElseThrow();

    /** Registered programmatically only: half the AP over area all, from the match view. */
    private static final class HalfAp implements CustomMetric {
        private final String name;

        HalfAp(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "AP / 2";
        }

        @Override
        public double compute(MatchView view) {
            double[] ones = new double[view.imageCount()];
            Arrays.fill(ones, 1);
            return view.averagePrecision(view.areaIndex("all"), ones) / 2;
        }
    }

    @Test
    void run_programmaticMetric_reportedWithIntervalBesideTheCocoValues() {
        GateOutcome outcome = Gate.run(GateRequest.builder(CASE.gt(), CASE.dt())
                .optMetrics(List.of(new HalfAp("APhalf"))).optBootstrap(new BootstrapSettings(0.9, 40, 2)).build());
        MetricSnapshot s = outcome.report().snapshot();
        assertThat(s.datasetValue("APhalf")).isCloseTo(s.datasetValue("AP") / 2, within(1e-12));
        assertThat(outcome.render(ReportFormat.JSON)).contains("\"custom\"").contains("\"APhalf\"");
        MetricSnapshot.Band band = s.band("APhalf");
        MetricSnapshot.Band ap = s.band("AP");
        assertThat(band.low()).isCloseTo(ap.low() / 2, within(1e-12));
        assertThat(band.high()).isCloseTo(ap.high() / 2, within(1e-12));
    }

    @Test
    void run_ruleOnInstalledMetric_computedFromTheRangeApsAndChecked() {
        GateOutcome outcome = Gate.run(GateRequest.builder(CASE.gt(), CASE.dt())
                .optRules(List.of(RuleSyntax.parse("APsizeW>=0.99"))).build());
        MetricSnapshot s = outcome.report().snapshot();
        double sum = 0;
        double weights = 0;
        double[] w = {4, 2, 1};
        String[] ranges = {"APs", "APm", "APl"};
        for (int r = 0; r < 3; r++) {
            if (s.datasetValue(ranges[r]) > -1) {
                sum += w[r] * s.datasetValue(ranges[r]);
                weights += w[r];
            }
        }
        assertThat(s.datasetValue("APsizeW")).isCloseTo(sum / weights, within(1e-12));
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.render(ReportFormat.TEXT)).contains("Rule violated for dataset: APsizeW is");
    }

    @Test
    void build_metricNamedLikeACocoMetric_configurationError() {
        assertThatThrownBy(() -> GateRequest.builder(CASE.gt(), CASE.dt()).optMetrics(List.of(new HalfAp("AP75"))))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("is a built-in metric name");
    }

    @Test
    void build_customMetricWithVoc_configurationError() {
        assertThatThrownBy(() -> GateRequest.builder(CASE.gt(), CASE.dt()).optProtocol(Protocol.VOC07)
                .optMetricNames(List.of("APsizeW")).build())
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("not for protocol voc07");
    }
}
