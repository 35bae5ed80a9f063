package dev.deteval.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.check.InvalidRuleException;
import dev.deteval.eval.check.RuleSyntax;
import dev.deteval.eval.io.InputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate fails closed: each input file that cannot be read stops the run with an {@link InputException}
 * naming that file (the mojo makes it a BUILD ERROR). The invoker ITs cover missing detections and a
 * malformed ground truth; these cover the ground truth and the baseline.
 */
final class GateRunTest {

    private static final Path DATA = Path.of("src/it/data");
    private static final Path GROUND_TRUTH = DATA.resolve("instances.json");
    private static final Path DETECTIONS = DATA.resolve("detections.json");

    private static GateRun.Settings settings(Path groundTruth, Path baseline) {
        return new GateRun.Settings(groundTruth, DETECTIONS, "coco", "compat", null, baseline, null);
    }

    @Test
    void run_readableInputs_checksTheRules() {
        // the check-passes IT's data: AP 0.42316771…
        GateRun.Result r = GateRun.run(settings(GROUND_TRUTH, null), List.of(RuleSyntax.parse("AP>=0.40")));
        assertThat(r.check().passed()).isTrue();
    }

    @Test
    void run_missingGroundTruth_namesTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("instances.json");
        assertThatThrownBy(() -> GateRun.run(settings(missing, null), List.of(RuleSyntax.parse("AP>=0.40"))))
                .isInstanceOf(InputException.class)
                .hasMessage(missing + ": file not found");
    }

    @Test
    void run_missingBaseline_namesTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("baseline.json");
        assertThatThrownBy(() -> GateRun.run(settings(GROUND_TRUTH, missing),
                List.of(RuleSyntax.parse("AP:maxDrop=0.01"))))
                .isInstanceOf(InputException.class)
                .hasMessage(missing + ": file not found");
    }

    @Test
    void run_dropLimitWithoutBaseline_isConfigurationError() {
        assertThatThrownBy(() -> GateRun.run(settings(GROUND_TRUTH, null), List.of(RuleSyntax.parse(
                "AP:maxDrop=0.01"))))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("<baseline>");
    }

    @Test
    void run_keypointMetricOnBoxEvaluation_isConfigurationError() {
        assertThatThrownBy(() -> GateRun.run(settings(GROUND_TRUTH, null), List.of(RuleSyntax.parse("AR>=0.1"))))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("AR is not reported by this COCO evaluation (boxes or masks)");
    }
}
