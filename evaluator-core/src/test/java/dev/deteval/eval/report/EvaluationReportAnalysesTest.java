package dev.deteval.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.OperatingPoints;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A COCO report without analyses is the plain one, byte for byte, in every format. */
final class EvaluationReportAnalysesTest {

    private static final GroundTruth GT = GroundTruth.builder().addImage(1).addCategory(1, "cat")
            .addAnnotation(1, 1, 1, 0, 0, 10, 10, 100, false, false).build();
    private static final Detections DT = Detections.builder().add(1, 1, 0, 0, 10, 10, 0.9)
            .add(1, 1, 50, 50, 10, 10, 0.3).build();

    @Test
    void coco_noAnalyses_sameAsPlainReportInEveryFormat() {
        CocoResult result = CocoEvaluator.evaluate(GT, DT);
        EvaluationReport plain = EvaluationReport.coco(result, List.of("w"));
        EvaluationReport none = EvaluationReport.coco(result, List.of("w"), null, null, null);
        for (ReportFormat f : ReportFormat.values()) {
            assertThat(none.render(f, null)).as(f.name()).isEqualTo(plain.render(f, null));
        }
    }

    @Test
    void coco_operatingPoint_jsonIsPlainPlusMembersAndMarkdownUnchanged() {
        CocoResult result = CocoEvaluator.evaluate(GT, DT);
        OperatingPoints points = OperatingPoints.compute(GT, DT, CocoParams.defaults(), 0.5);
        EvaluationReport plain = EvaluationReport.coco(result, List.of());
        EvaluationReport with = EvaluationReport.coco(result, List.of(), points.at(0.5), points.bestF1(), null);
        String json = with.render(ReportFormat.JSON, null);
        String base = plain.render(ReportFormat.JSON, null);
        // the plain report up to its closing brace, then a comma and the new members
        assertThat(json).startsWith(base.substring(0, base.lastIndexOf("\n}"))).contains("\"operatingPoint\"")
                .contains("\"bestF1\"");
        assertThat(with.render(ReportFormat.MARKDOWN, null)).isEqualTo(plain.render(ReportFormat.MARKDOWN, null));
    }

    @Test
    void coco_operatingPointWithoutBestF1_rejected() {
        CocoResult result = CocoEvaluator.evaluate(GT, DT);
        OperatingPoints points = OperatingPoints.compute(GT, DT, CocoParams.defaults(), 0.5);
        assertThatThrownBy(() -> EvaluationReport.coco(result, List.of(), points.at(0.5), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
