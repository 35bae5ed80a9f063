package dev.deteval.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.check.InvalidRuleException;
import dev.deteval.eval.check.Limit;
import dev.deteval.eval.check.RuleSyntax;
import dev.deteval.eval.coco.CustomMetric;
import dev.deteval.eval.coco.TimeDecayAp;
import dev.deteval.eval.gate.Gate;
import dev.deteval.eval.gate.GateOutcome;
import dev.deteval.eval.gate.GateRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statistics parameters: ci, resamples, seed, baselineDetections and a limit's significance. */
final class StatisticsBindingTest {

    private static final Path DATA = Path.of("src/it/data");

    @TempDir
    Path out;

    private RequestBinding weaker() {
        return new RequestBinding(DATA.resolve("instances.json"), DATA.resolve("detections-weaker.json"), "coco",
                "compat", null, null, null, null, null, null, null, out);
    }

    @Test
    void toRequest_significantDropAgainstBaselineDetections_violated() {
        // the weaker model's AP is 0.29512 against 0.42317 (check-baseline-drop IT's data)
        GateOutcome r = Gate.run(weaker().toRequest(List.of(RuleSyntax.parse("AP:maxDrop=0.01;significance=0.05")),
                new RequestBinding.Statistics(DATA.resolve("detections.json"), 0.95, 200, 1L)));
        assertThat(r.passed()).isFalse();
        assertThat(r.check().violations()).singleElement().extracting(o -> o.message()).asString()
                .contains("(95% CI ").contains(", p = ").endsWith("at significance 0.05");
    }

    @Test
    void toRequest_significanceWithoutBaselineDetections_configurationError() {
        assertThatThrownBy(() -> weaker().toRequest(List.of(RuleSyntax.parse("AP:maxDrop=0.01;significance=0.05"))))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("<baselineDetections>");
    }

    @Test
    void toRequest_resamplesWithoutCiOrBaselineDetections_configurationError() {
        assertThatThrownBy(() -> weaker().toRequest(List.of(),
                new RequestBinding.Statistics(null, null, 100, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resamples and seed apply");
    }

    @Test
    void toRequest_metricsByName_boundWithTheirOptions() {
        GateRequest request = weaker().toRequest(List.of(),
                new RequestBinding.Statistics(null, null, null, null, List.of("aptime:tau=30", "APsizeW")));
        assertThat(request.metrics()).extracting(CustomMetric::name).containsExactly("APtime", "APsizeW");
        assertThat(((TimeDecayAp) request.metrics().get(0)).tau()).isEqualTo(30);
    }

    @Test
    void toRequest_unknownMetric_configurationErrorListingInstalled() {
        assertThatThrownBy(() -> weaker().toRequest(List.of(),
                new RequestBinding.Statistics(null, null, null, null, List.of("APfast"))))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("unknown custom metric 'APfast'")
                .hasMessageContaining("APtime, APsizeW");
    }

    @Test
    void toLimits_significanceWithMaximumDrop_boundOnTheDropLimit() {
        LimitConfiguration c = new LimitConfiguration();
        c.setMetric("AP");
        c.setMaximumDrop("0.01");
        c.setSignificance("0.05");
        assertThat(c.toLimits()).extracting(Limit::toString).containsExactly("AP:maxDrop=0.01;significance=0.05");
    }

    @Test
    void toLimits_significanceWithoutMaximumDrop_rejected() {
        LimitConfiguration c = new LimitConfiguration();
        c.setMetric("AP");
        c.setMinimum("0.3");
        c.setSignificance("0.05");
        assertThatThrownBy(c::toLimits).isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("<significance> without <maximumDrop>");
    }
}
