package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Per-image counts on the hand-built case of {@link AnalysisFixtures} and on random scenes. */
final class PerImageCountsTest {

    @Test
    void worstFirst_handCase_countsWorkedOutByHand() {
        PerImageCounts counts = PerImageCounts.compute(AnalysisFixtures.handGroundTruth(),
                AnalysisFixtures.handDetections(), CocoParams.defaults(), 0.5, 0.25);
        // image 1: d1 hits a1; d2 (mixed-up), d3 (duplicate), d4 (loose), d5 (background) miss; 4 objects - 1 hit
        // image 2: d7 hits b1, d6 (dog on the cat) misses; 1 object - 1 hit
        assertThat(counts.worstFirst()).containsExactly(new ImageCounts(1, "", 1, 4, 3), new ImageCounts(2, "", 1, 1, 0));
        assertThat(counts.iou()).isEqualTo(0.5);
        assertThat(counts.confidence()).isEqualTo(0.25);
    }

    @Test
    void worstFirst_confidenceAboveTheHit_hitBecomesMiss() {
        PerImageCounts counts = PerImageCounts.compute(AnalysisFixtures.handGroundTruth(),
                AnalysisFixtures.handDetections(), CocoParams.defaults(), 0.5, 0.45);
        // d7 (0.4) no longer counts: image 2 has d6 as its only counted detection and b1 is missed
        assertThat(counts.worstFirst().get(1)).isEqualTo(new ImageCounts(2, "", 0, 1, 1));
    }

    @Test
    void worstFirst_equalErrors_moreMissesFirstThenImageId() {
        GroundTruth gt = GroundTruth.builder().addImage(3, 0, 0, "c.jpg").addImage(1, 0, 0, "a.jpg")
                .addImage(2, 0, 0, "b.jpg").addCategory(1, "cat")
                .addAnnotation(1, 2, 1, 0, 0, 10, 10, 100, false, false)
                .addAnnotation(2, 3, 1, 0, 0, 10, 10, 100, false, false).build();
        // image 1: one false positive; image 2: one miss; image 3: one miss
        Detections dt = Detections.builder().add(1, 1, 0, 0, 10, 10, 0.9).build();
        List<ImageCounts> rows = PerImageCounts.compute(gt, dt, CocoParams.defaults(), 0.5, 0).worstFirst();
        assertThat(rows).extracting(ImageCounts::fileName).containsExactly("b.jpg", "c.jpg", "a.jpg");
    }

    @Test
    void compute_iouOutsideUnitInterval_rejected() {
        assertThatThrownBy(() -> PerImageCounts.compute(AnalysisFixtures.handGroundTruth(),
                AnalysisFixtures.handDetections(), CocoParams.defaults(), -0.1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compute_randomScenes_sumsEqualTheOperatingPoint() {
        for (long seed = 0; seed < 30; seed++) {
            Random r = new Random(seed);
            AnalysisFixtures.Scene s = AnalysisFixtures.random(seed);
            for (CocoParams p : List.of(CocoParams.defaults(),
                    CocoParams.builder(CocoMode.COMPAT).optUseCats(false).build())) {
                double iou = 0.3 + 0.1 * r.nextInt(5);
                double confidence = r.nextInt(10) / 10.0;
                PerImageCounts counts = PerImageCounts.compute(s.gt(), s.dt(), p, iou, confidence);
                OperatingPoint all = OperatingPoints.compute(s.gt(), s.dt(), p, iou).at(confidence).overall();
                assertThat(counts.worstFirst()).hasSize(s.gt().imageCount());
                assertThat(counts.worstFirst().stream().mapToInt(ImageCounts::tp).sum()).as("seed %d", seed)
                        .isEqualTo(all.tp());
                assertThat(counts.worstFirst().stream().mapToInt(ImageCounts::fp).sum()).isEqualTo(all.fp());
                assertThat(counts.worstFirst().stream().mapToInt(ImageCounts::fn).sum()).isEqualTo(all.fn());
                assertThat(counts.worstFirst()).isSortedAccordingTo(PerImageCounts.WORST_FIRST);
            }
        }
    }

    @Test
    void worstFirst_randomCounts_ordersAsMoreErrorsThenMoreMissesThenAscendingId() {
        Comparator<ImageCounts> spelledOut = Comparator.comparingInt(ImageCounts::errors).reversed()
                .thenComparing(Comparator.comparingInt(ImageCounts::fn).reversed())
                .thenComparingLong(ImageCounts::imageId);
        Random r = new Random(3);
        for (int i = 0; i < 2000; i++) {
            ImageCounts a = new ImageCounts(r.nextInt(5), "", r.nextInt(3), r.nextInt(3), r.nextInt(3));
            ImageCounts b = new ImageCounts(r.nextInt(5), "", r.nextInt(3), r.nextInt(3), r.nextInt(3));
            assertThat(Integer.signum(PerImageCounts.WORST_FIRST.compare(a, b))).as("%s %s", a, b)
                    .isEqualTo(Integer.signum(spelledOut.compare(a, b)));
        }
    }
}
