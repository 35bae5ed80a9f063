package dev.deteval.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.check.InvalidRuleException;
import dev.deteval.eval.check.RuleSyntax;
import dev.deteval.eval.gate.Gate;
import dev.deteval.eval.gate.GateOutcome;
import dev.deteval.eval.gate.GateRequest;
import dev.deteval.eval.io.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mojo's parameters become one {@code Gate.run} request. The gate fails closed: each input file that
 * cannot be read stops the run with an {@link InputException} naming that file (the mojo makes it a BUILD
 * ERROR). The invoker ITs cover missing detections and a malformed ground truth; these cover the ground
 * truth, the baseline and how words are bound.
 */
final class RequestBindingTest {

    private static final Path DATA = Path.of("src/it/data");
    private static final Path GROUND_TRUTH = DATA.resolve("instances.json");
    private static final Path DETECTIONS = DATA.resolve("detections.json");

    @TempDir
    Path out;

    private RequestBinding coco(Path groundTruth, Path baseline) {
        return new RequestBinding(groundTruth, DETECTIONS, "coco", "compat", null, null, baseline, null, null, null,
                null, out);
    }

    private static GateOutcome run(RequestBinding binding, String... rules) {
        return Gate.run(binding.toRequest(List.of(rules).stream().map(RuleSyntax::parse).toList()));
    }

    @Test
    void toRequest_readableInputs_checksTheRulesAndWritesFourReports() {
        // the check-passes IT's data: AP 0.42316771…
        GateOutcome r = run(coco(GROUND_TRUTH, null), "AP>=0.40");
        assertThat(r.passed()).isTrue();
        assertThat(r.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("report.json", "report.md", "TEST-deteval.xml", "report.html");
        assertThat(r.files()).allMatch(Files::isRegularFile);
    }

    @Test
    void toRequest_missingGroundTruth_namesTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("instances.json");
        assertThatThrownBy(() -> run(coco(missing, null), "AP>=0.40"))
                .isInstanceOf(InputException.class)
                .hasMessage(missing + ": file not found");
    }

    @Test
    void toRequest_missingBaseline_namesTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("baseline.json");
        assertThatThrownBy(() -> run(coco(GROUND_TRUTH, missing), "AP:maxDrop=0.01"))
                .isInstanceOf(InputException.class)
                .hasMessage(missing + ": file not found");
    }

    @Test
    void toRequest_dropLimitWithoutBaseline_isConfigurationError() {
        assertThatThrownBy(() -> run(coco(GROUND_TRUTH, null), "AP:maxDrop=0.01"))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("needs a baseline");
    }

    @Test
    void toRequest_keypointMetricOnBoxEvaluation_isConfigurationError() {
        assertThatThrownBy(() -> run(coco(GROUND_TRUTH, null), "AR>=0.1"))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("AR is not reported by this COCO evaluation (boxes or masks)");
    }

    /** Issue 13 item 10: the plugin treated iouType case-sensitively while the CLI did not. */
    @Test
    void toRequest_iouTypeInUpperCase_isAccepted() {
        RequestBinding b = new RequestBinding(GROUND_TRUTH, DETECTIONS, "COCO", "Compat", " BBOX ", null, null, null,
                null, null, null, out);
        assertThat(run(b, "AP>=0.40").passed()).isTrue();
    }

    /** Issue 13 item 10: the plugin hard-coded voc_eval.py's settings; now they are bound like the CLI's. */
    @Test
    void toRequest_vocSettings_reachTheEvaluation() {
        Path voc = DATA.resolve("voc_basic");
        RequestBinding strict = new RequestBinding(voc, voc.resolve("results"), "voc07", "compat", null, null, null,
                null, "continuous", "ge", 0.99, out);
        RequestBinding devkit = new RequestBinding(voc, voc.resolve("results"), "voc07", "compat", null, null, null,
                null, null, null, null, out);
        double strictMap = run(strict, "mAP>=0").report().snapshot().datasetValue("mAP");
        double devkitMap = run(devkit, "mAP>=0").report().snapshot().datasetValue("mAP");
        assertThat(strictMap).isLessThan(devkitMap);
    }

    @Test
    void toRequest_vocSettingWithCoco_isConfigurationError() {
        RequestBinding b = new RequestBinding(GROUND_TRUTH, DETECTIONS, "coco", "compat", null, null, null, null,
                "continuous", null, null, out);
        assertThatThrownBy(() -> b.toRequest(List.of(RuleSyntax.parse("AP>=0.1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("voc07 or voc12 only");
    }

    @Test
    void toRequest_confidence_carriesTheOperatingPoint() {
        RequestBinding b = new RequestBinding(GROUND_TRUTH, DETECTIONS, "coco", "compat", null, null, null, null, null,
                null, null, out, 0.25, 0.3);
        GateRequest r = b.toRequest(List.of(RuleSyntax.parse("AP>=0.1")));
        assertThat(r.confidence()).isEqualTo(0.25);
        assertThat(r.operatingIou()).isEqualTo(0.3);
        RequestBinding none = new RequestBinding(GROUND_TRUTH, DETECTIONS, "coco", "compat", null, null, null, null,
                null, null, null, out);
        assertThat(none.toRequest(List.of(RuleSyntax.parse("AP>=0.1"))).confidence()).isNull();
    }

    @Test
    void toRequest_confidenceWithVoc_isConfigurationError() {
        RequestBinding b = new RequestBinding(GROUND_TRUTH, DETECTIONS, "voc07", "compat", null, null, null, null, null,
                null, null, out, 0.25, null);
        assertThatThrownBy(() -> b.toRequest(List.of(RuleSyntax.parse("mAP>=0.1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coco only");
    }

    @Test
    void toRequest_yoloDatasetAndSplit_evaluatedWithCocoRules() {
        // the check-yolo IT's data: the predictions are the labels, so AP is 1 (within the summation's 1e-12)
        Path yolo = DATA.resolve("yolo_tiny");
        RequestBinding b = new RequestBinding(yolo.resolve("data.yaml"), yolo.resolve("predictions"), "coco",
                "compat", null, null, null, null, null, null, null, out, null, null, "val");
        GateOutcome r = run(b, "AP>=0.99");
        assertThat(r.passed()).isTrue();
    }

    @Test
    void toRequest_unknownYoloSplit_namesTheYamlFile() {
        Path yaml = DATA.resolve("yolo_tiny/data.yaml");
        RequestBinding b = new RequestBinding(yaml, DATA.resolve("yolo_tiny/predictions"), "coco", "compat", null,
                null, null, null, null, null, null, out, null, null, "test");
        assertThatThrownBy(() -> run(b, "AP>=0.1")).isInstanceOf(InputException.class)
                .hasMessage(yaml + ": has no 'test' entry (the images of the split to evaluate)");
    }

    @Test
    void toRequest_splitWithVoc_isConfigurationError() {
        RequestBinding b = new RequestBinding(GROUND_TRUTH, DETECTIONS, "voc07", "compat", null, null, null, null, null,
                null, null, out, null, null, "val");
        assertThatThrownBy(() -> b.toRequest(List.of(RuleSyntax.parse("mAP>=0.1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coco only");
    }

    @Test
    void toRequest_lvisProtocol_evaluatesWithLvisRules() {
        // data/lvis is LVIS conformance case edge_not_exhaustive_fp_ignored: lvis-api gives APf 0.4767326732673267
        RequestBinding lvis = new RequestBinding(DATA.resolve("lvis/gt.json"), DATA.resolve("lvis/dt.json"), "LVIS",
                "compat", null, null, null, null, null, null, null, out);
        GateOutcome r = run(lvis, "APf>=0.47", "APf<=0.48");
        assertThat(r.passed()).isTrue();
        assertThat(r.report().snapshot().datasetValue("APf"))
                .isCloseTo(0.4767326732673267, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void toRequest_lvisWithParamsFile_isAConfigurationError() {
        RequestBinding lvis = new RequestBinding(DATA.resolve("lvis/gt.json"), DATA.resolve("lvis/dt.json"), "lvis",
                "compat", null, DATA.resolve("kps/params.json"), null, null, null, null, null, out);
        assertThatThrownBy(() -> lvis.toRequest(List.of()))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("protocol lvis");
    }

    @Test
    void toRequest_analyses_errorsAndCurvesInReportJsonAndPerImageFileInTheOutputFolder() throws Exception {
        Path reports = out.resolve("not-yet-created");
        RequestBinding b = new RequestBinding(GROUND_TRUTH, DETECTIONS, "coco", "compat", null, null, null, null, null,
                null, null, reports, 0.25, null, true, false, true, true);
        GateRequest request = b.toRequest(List.of(RuleSyntax.parse("AP>=0.1")));
        assertThat(request.errors()).isTrue();
        assertThat(request.errorsAllThresholds()).isFalse();
        assertThat(request.perImage()).isEqualTo(reports.resolve(RequestBinding.PER_IMAGE_FILE));
        GateOutcome r = Gate.run(request);
        assertThat(r.passed()).isTrue();
        String json = Files.readString(reports.resolve("report.json"));
        assertThat(json).contains("\"errors\"").contains("\"curves\"").contains("\"operatingPoint\"");
        List<String> lines = Files.readAllLines(reports.resolve(RequestBinding.PER_IMAGE_FILE));
        assertThat(lines).isNotEmpty().allMatch(l -> l.startsWith("{\"imageId\":") && l.endsWith("\"confidence\":0.25}"));
    }

    @Test
    void toRequest_errorsWithVoc_isConfigurationError() {
        RequestBinding b = new RequestBinding(GROUND_TRUTH, DETECTIONS, "voc07", "compat", null, null, null, null, null,
                null, null, out, null, null, true, false, false, false);
        assertThatThrownBy(() -> b.toRequest(List.of(RuleSyntax.parse("mAP>=0.1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coco only");
    }
}
