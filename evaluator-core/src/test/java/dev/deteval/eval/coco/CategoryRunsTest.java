package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CategoryRunsTest {

    /**
     * Three categories on two images: category 1 has 1 detection on 1 ground truth (cost 1 + 1 + 1), category 2
     * none, category 3 three detections on two ground truths in one image (3 * 2 + 3 + 2) and one lone
     * detection in the other (0 + 1 + 0).
     */
    private static GroupIndex index() {
        GroundTruth gt = GroundTruth.builder().addCategory(1, "a").addCategory(2, "b").addCategory(3, "c")
                .addImage(1).addImage(2)
                .addAnnotation(1, 1, 1, 0, 0, 10, 10, 100, false, false)
                .addAnnotation(2, 1, 3, 0, 0, 10, 10, 100, false, false)
                .addAnnotation(3, 1, 3, 20, 20, 10, 10, 100, false, false)
                .addAnnotation(4, 2, 2, 0, 0, 10, 10, 100, false, false).build();
        Detections.Builder d = Detections.builder();
        d.add(1, 1, 0, 0, 10, 10, 0.9);
        for (int i = 0; i < 3; i++) {
            d.add(1, 3, i, 0, 10, 10, 0.5);
        }
        d.add(2, 3, 0, 0, 10, 10, 0.4);
        return GroupIndex.build(gt, d.build(), CocoParams.defaults());
    }

    @Test
    void costliestFirst_handBuiltIndex_rowsByDescendingCostTiesByRow() {
        // costs: row 0 (category 1) 3, row 1 (category 2, one ground truth and no detection) 1, row 2: 11 + 1
        assertThat(CategoryRuns.costliestFirst(index(), 100)).containsExactly(2, 0, 1);
        // with maxDets 1 row 2 costs 1 * 2 + 1 + 2 + 1 = 6: still first
        assertThat(CategoryRuns.costliestFirst(index(), 1)).containsExactly(2, 0, 1);
    }

    @Test
    void run_parallelOrNot_everyRowExactlyOnce() {
        for (boolean parallel : new boolean[] {false, true}) {
            ConcurrentLinkedQueue<Integer> seen = new ConcurrentLinkedQueue<>();
            CategoryRuns.run(index(), 100, parallel, seen::add);
            List<Integer> rows = new ArrayList<>(seen);
            Collections.sort(rows);
            assertThat(rows).as("parallel " + parallel).containsExactly(0, 1, 2);
        }
    }

    @Test
    void run_taskThrows_rethrownAfterTheOtherThreadsStop() {
        AtomicInteger ran = new AtomicInteger();
        assertThatThrownBy(() -> CategoryRuns.run(index(), 100, true, row -> {
            ran.incrementAndGet();
            if (row == 2) {
                throw new IllegalStateException("row 2");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("row 2");
        assertThat(ran.get()).isBetween(1, 3);
    }
}
