package dev.deteval.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Keypoints collected into flat builder columns: slices of reused arrays, any order, several parts. */
final class KeypointColumnTest {

    @Test
    void keypoints_reusedBufferWithLength_copiesOnlyThatPrefix() {
        double[] buffer = {1, 2, 2, 3, 4, 1, 99, 99, 99};
        Detections.Builder b = Detections.builder().add(1, 1, 0, 0, 1, 1, 0.5).keypoints(buffer, 6);
        buffer[0] = -7; // the caller reuses its buffer
        b.add(1, 1, 0, 0, 1, 1, 0.4).keypoints(buffer, 3);

        KeypointColumn kps = b.build().keypoints();

        assertThat(kps.count(0)).isEqualTo(2);
        assertThat(kps.count(1)).isEqualTo(1);
        assertThat(kps.values()).containsExactly(1, 2, 2, 3, 4, 1, -7, 2, 2);
    }

    @Test
    void keypoints_groundTruthSetOutOfOrderAndTwice_keepsEachAnnotationsLastSlice() {
        GroundTruth.Builder b = GroundTruth.builder().addImage(1).addCategory(1, "person");
        for (int id = 1; id <= 3; id++) {
            b.addAnnotation(id, 1, 1, 0, 0, 10, 10);
        }
        b.keypoints(2, new double[] {5, 5, 2}, 1);
        b.keypoints(0, new double[] {1, 1, 1, 0, 0, 0}, 1);
        b.keypoints(2, new double[] {6, 6, 2, 7, 7, 2, 0}, 6, 2);

        KeypointColumn kps = b.build().keypoints();

        assertThat(kps.count(0)).isEqualTo(2);
        assertThat(kps.count(1)).isZero();
        assertThat(kps.count(2)).isEqualTo(2);
        assertThat(kps.values()).containsExactly(1, 1, 1, 0, 0, 0, 6, 6, 2, 7, 7, 2);
        assertThat(kps.start(2)).isEqualTo(6);
    }

    @Test
    void concat_partsWithAndWithoutKeypoints_keepsOrderAndEmptySlices() {
        Detections.Builder none = Detections.builder().add(1, 1, 0, 0, 1, 1, 0.9);
        Detections.Builder some = Detections.builder().add(1, 1, 0, 0, 1, 1, 0.8)
                .add(1, 1, 0, 0, 1, 1, 0.7).keypoints(new double[] {3, 3, 2});

        KeypointColumn kps = Detections.concat(none, some.trimmed()).keypoints();

        assertThat(kps.count(0)).isZero();
        assertThat(kps.count(1)).isZero();
        assertThat(kps.count(2)).isEqualTo(1);
        assertThat(kps.values()).containsExactly(3, 3, 2);
    }

    @Test
    void keypoints_lengthNotTriples_isRejected() {
        Detections.Builder b = Detections.builder().add(1, 1, 0, 0, 1, 1, 0.5);

        assertThatThrownBy(() -> b.keypoints(new double[] {1, 2, 3, 4}, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("triples");
        assertThatThrownBy(() -> b.keypoints(new double[] {1, 2, 3}, 6))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
