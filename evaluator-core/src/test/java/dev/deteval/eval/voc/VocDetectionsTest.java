package dev.deteval.eval.voc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Detections are immutable: their column accessors return copies (issue 13, item 7). */
final class VocDetectionsTest {

    static VocDataset oneObject() {
        VocDataset.Builder b = VocDataset.builder();
        int image = b.addImage("000001");
        b.addObject(image, "dog", 10, 10, 50, 50, false);
        return b.build();
    }

    static double ap(VocDataset gt, VocDetections dt) {
        return VocEvaluator.evaluate(gt, dt, VocParams.defaults()).perClass().get(0).ap10();
    }

    @Test
    void everyColumn_callerWritesIntoIt_laterEvaluationUnchanged() {
        VocDataset gt = oneObject();
        VocDetections dt = VocDetections.builder(gt).add("000001", "dog", 0.9, 10, 10, 50, 50).build();
        assertThat(ap(gt, dt)).isCloseTo(1.0, within(1e-12));

        Arrays.fill(dt.boxColumn(), 0.0);
        Arrays.fill(dt.scoreColumn(), -1.0);
        Arrays.fill(dt.imageIndexColumn(), 0);
        Arrays.fill(dt.classIndexColumn(), 0);

        assertThat(ap(gt, dt)).isCloseTo(1.0, within(1e-12));
        assertThat(dt.boxColumn()).containsExactly(10, 10, 50, 50);
        assertThat(dt.scoreColumn()).containsExactly(0.9);
    }
}
