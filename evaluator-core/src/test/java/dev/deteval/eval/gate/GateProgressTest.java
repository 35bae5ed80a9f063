package dev.deteval.eval.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.coco.EvaluationProgress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate reports reading, then one step per evaluated category, then the end. */
final class GateProgressTest {

    /** Records what it is told, from any thread. */
    private static final class Recorder implements EvaluationProgress {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void start(String task, long total) {
            events.add("start " + task + " " + total);
        }

        @Override
        public void step() {
            events.add("step");
        }

        @Override
        public void finish() {
            events.add("finish");
        }
    }

    @Test
    void run_coco_readThenOneStepPerCategoryThenFinish() {
        Recorder r = new Recorder();
        Path gt = Path.of("../samples/data/instances_val.json");
        Gate.run(GateRequest.builder(gt, Path.of("../samples/data/detections.json")).optProgress(r).build());
        // the sample has 12 categories (samples/data/README.md)
        assertThat(r.events).startsWith("start read -1", "start evaluate 12").endsWith("finish");
        assertThat(r.events).filteredOn("step"::equals).hasSize(12);
    }
}
