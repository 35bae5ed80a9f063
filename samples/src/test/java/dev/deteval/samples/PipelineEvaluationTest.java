package dev.deteval.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

final class PipelineEvaluationTest {

    private static final Path GT = Path.of("data/instances_val.json");
    private static final Path DT = Path.of("data/detections.json");

    @Test
    void run_fourThreadsOnSampleData_equalsOneShotEvaluation() throws InterruptedException {
        CocoJsonReader reader = new CocoJsonReader();
        GroundTruth gt = reader.readGroundTruth(GT);
        CocoResult oneShot = CocoEvaluator.evaluate(gt, reader.readResults(DT, gt));

        CocoResult pipeline = PipelineEvaluation.run(GT, DT, 4);

        assertThat(pipeline.summary().stats()).containsExactly(oneShot.summary().stats());
        assertThat(pipeline.tables().precisionArray()).isEqualTo(oneShot.tables().precisionArray());
        assertThat(pipeline.summary().ap()).isBetween(0.0, 1.0);
    }

    @Test
    void run_modelReportsImageNotInGroundTruth_failsInsteadOfScoringZero() {
        CocoJsonReader reader = new CocoJsonReader();
        GroundTruth gt = reader.readGroundTruth(GT);
        long missing = gt.sortedImageIds()[gt.imageCount() - 1] + 1;

        assertThatThrownBy(() -> PipelineEvaluation.run(gt,
                imageId -> Detections.builder().add(missing, 1, 0, 0, 10, 10, 0.9).build(), 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Long.toString(missing));
    }
}
