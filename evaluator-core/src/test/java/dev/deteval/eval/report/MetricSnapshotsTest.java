package dev.deteval.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.check.CheckResult;
import dev.deteval.eval.check.MetricSnapshot;
import dev.deteval.eval.check.Outcome;
import dev.deteval.eval.check.Protocol;
import dev.deteval.eval.check.RuleSyntax;
import dev.deteval.eval.check.RulesChecker;
import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

final class MetricSnapshotsTest {

    static CocoResult slideExample(CocoParams params) throws URISyntaxException {
        Path dir = Path.of(MetricSnapshotsTest.class.getResource("/conformance/slide_example/gt.json").toURI())
                .getParent();
        CocoJsonReader reader = new CocoJsonReader();
        GroundTruth gt = reader.readGroundTruth(dir.resolve("gt.json"));
        Detections dt = reader.readResults(dir.resolve("dt.json"), gt);
        return CocoEvaluator.evaluate(gt, dt, params);
    }

    @Test
    void of_cocoResult_hasEveryStatAndCategoryRow() throws URISyntaxException {
        CocoResult result = slideExample(CocoParams.defaults());
        MetricSnapshot s = MetricSnapshots.of(result);
        assertThat(s.protocol()).isEqualTo(Protocol.COCO);
        assertThat(s.mode()).isEqualTo("compat");
        assertThat(s.dataset().keySet()).containsExactly("AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10",
                "AR100", "ARs", "ARm", "ARl", "AR50", "AR75");
        assertThat(s.datasetValue("AP")).isEqualTo(result.summary().ap());
        assertThat(s.datasetValue("AR75")).isEqualTo(result.summary().ar75());
        assertThat(s.categories()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("object");
            assertThat(c.value("AR100")).isEqualTo(result.perCategory().get(0).ar());
        });
    }

    @Test
    void missingReason_maxDetsWithout100_namesTheList() throws URISyntaxException {
        CocoParams params = CocoParams.builder(CocoMode.COMPAT).optMaxDets(1, 10).build();
        MetricSnapshot s = MetricSnapshots.of(slideExample(params));
        assertThat(s.datasetValue("AP")).isEqualTo(-1.0);
        assertThat(s.missingReason("AP")).isEqualTo("the maxDets list [1, 10] has no entry 100");
    }

    @Test
    void missingReason_noSmallObjects_namesTheArea() throws URISyntaxException {
        MetricSnapshot s = MetricSnapshots.of(slideExample(CocoParams.defaults()));
        assertThat(s.missingReason("APs")).isEqualTo("there is no ground truth in the small area range");
        assertThat(s.missingReason("AP")).isEmpty();
    }

    @Test
    void check_apWithMaxDetsWithout100_failsWithTheReason() throws URISyntaxException {
        CocoParams params = CocoParams.builder(CocoMode.COMPAT).optMaxDets(1, 10).build();
        MetricSnapshot s = MetricSnapshots.of(slideExample(params));
        CheckResult r = new RulesChecker(List.of(RuleSyntax.parse("AP>=0.1"))).check(s, null);
        assertThat(r.violations()).singleElement().extracting(Outcome::message).isEqualTo("Rule violated for dataset:"
                + " AP cannot be computed: the maxDets list [1, 10] has no entry 100");
    }

    @Test
    void isMissing_negativeOrNaN() {
        assertThat(MetricSnapshot.isMissing(-1)).isTrue();
        assertThat(MetricSnapshot.isMissing(Double.NaN)).isTrue();
        assertThat(MetricSnapshot.isMissing(0)).isFalse();
    }
}
