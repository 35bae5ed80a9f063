package dev.deteval.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.check.CheckResult;
import dev.deteval.eval.check.MetricSnapshot;
import dev.deteval.eval.check.Protocol;
import dev.deteval.eval.check.RuleSyntax;
import dev.deteval.eval.check.RulesChecker;
import dev.deteval.eval.coco.Frequency;
import dev.deteval.eval.coco.LvisEvaluator;
import dev.deteval.eval.coco.LvisGroundTruth;
import dev.deteval.eval.coco.LvisResult;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LVIS reports: the JSON report reads back as a baseline with the same values, rules on LVIS names check
 * against it, and names from the input are escaped in Markdown.
 */
final class LvisReportTest {

    /**
     * Category 1 ({@code a|b}, common) is found once on image 1 and missed on image 2: AR 1/2; category 2
     * (rare) has no ground truth, so APr is -1.
     */
    private static LvisResult result() {
        GroundTruth gt = GroundTruth.builder().addImage(1, 640, 480, "").addImage(2, 640, 480, "")
                .addCategory(1, "a|b").addCategory(2, "rare one")
                .addAnnotation(1, 1, 1, 10, 10, 40, 40, 1600, false, false)
                .addAnnotation(2, 2, 1, 10, 10, 40, 40, 1600, false, false).build();
        LvisGroundTruth lvis = LvisGroundTruth.builder(gt).frequency(1, Frequency.COMMON).frequency(2, Frequency.RARE)
                .image(1, new long[] {2}, new long[0]).image(2, new long[0], new long[0]).build();
        Detections dt = Detections.builder().add(1, 1, 10, 10, 40, 40, 0.9).add(1, 2, 200, 200, 40, 40, 0.8).build();
        return LvisEvaluator.evaluate(lvis, dt);
    }

    @Test
    void json_readBack_givesSameValuesUnderLvisProtocol() {
        LvisResult r = result();
        EvaluationReport report = EvaluationReport.lvis(r, List.of());

        MetricSnapshot back = ReportJsonReaderTest.read(report.render(ReportFormat.JSON, null));

        assertThat(back.protocol()).isEqualTo(Protocol.LVIS);
        assertThat(back.dataset()).isEqualTo(r.stats());
        assertThat(back.datasetValue("AR")).isEqualTo(0.5);
        assertThat(back.datasetValue("APr")).isEqualTo(-1.0);
        assertThat(back.categories()).hasSize(2);
        assertThat(back.categories().get(0).metrics()).containsOnlyKeys("AP", "AP50", "AP75", "AR");
        assertThat(back.categories().get(0).value("AR")).isEqualTo(0.5);
    }

    @Test
    void check_aprRuleOnRareGroupWithoutGroundTruth_failsWithReason() {
        LvisResult r = result();
        RulesChecker checker = new RulesChecker(List.of(RuleSyntax.parse("APr>=0.1"), RuleSyntax.parse("APc>=0.5")));

        CheckResult check = checker.check(MetricSnapshots.of(r), null);

        assertThat(check.passed()).isFalse();
        assertThat(check.violations()).hasSize(1);
        assertThat(check.violations().get(0).message()).contains("APr")
                .contains("no category of frequency group 'r' has ground truth");
    }

    @Test
    void markdown_categoryNameWithPipe_isEscaped() {
        String md = EvaluationReport.lvis(result(), List.of()).render(ReportFormat.MARKDOWN, null);

        assertThat(md).contains("| 1 | a\\|b | c |").contains("| APr | – |");
    }
}
