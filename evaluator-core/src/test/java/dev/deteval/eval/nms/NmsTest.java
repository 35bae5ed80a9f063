package dev.deteval.eval.nms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.geometry.Box;
import dev.deteval.eval.geometry.BoxFormat;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

final class NmsTest {

    private static final NmsConfig HALF = NmsConfig.builder(0.5).build();

    @Test
    void greedy_emptyInput_keepsNothing() {
        assertThat(Nms.greedy(new double[0], new double[0], new int[0], HALF)).isEmpty();
        assertThat(Nms.run(new double[0], new double[0], null, HALF)).isEqualTo(new NmsResult(new int[0],
                new double[0]));
    }

    @Test
    void greedy_overlapAboveThreshold_suppressesLowerScore() {
        // A = [0,0,2,2] and B = [0,0,2,1.5]: I = 3, U = 4 + 3 - 3 = 4, IoU = 3/4; C far away
        double[] boxes = {0, 0, 2, 2, 0, 0, 2, 1.5, 10, 10, 12, 12};
        double[] scores = {0.8, 0.9, 0.7};
        assertThat(Nms.greedy(boxes, scores, null, HALF)).containsExactly(1, 2);
    }

    @Test
    void greedy_iouExactlyAtThreshold_keepsBoth() {
        // A = [0,0,3,1], B = [1,0,4,1]: I = 2, U = 3 + 3 - 2 = 4, IoU = 2/4 = 0.5, not > 0.5
        double[] boxes = {0, 0, 3, 1, 1, 0, 4, 1};
        double[] scores = {0.9, 0.8};
        assertThat(Nms.greedy(boxes, scores, null, HALF)).containsExactly(0, 1);
        NmsConfig below = NmsConfig.builder(Math.nextDown(0.5)).build();
        assertThat(Nms.greedy(boxes, scores, null, below)).containsExactly(0);
    }

    @Test
    void greedy_equalScores_earlierInputWins() {
        double[] boxes = {0, 0, 2, 2, 0, 0, 2, 2, 5, 5, 6, 6};
        double[] scores = {0.5, 0.5, 0.5};
        assertThat(Nms.greedy(boxes, scores, null, HALF)).containsExactly(0, 2);
    }

    @Test
    void greedy_identicalZeroAreaBoxes_neverSuppressEachOther() {
        double[] boxes = {1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 3};
        double[] scores = {0.9, 0.8, 0.7};
        assertThat(Nms.greedy(boxes, scores, null, NmsConfig.builder(0).build())).containsExactly(0, 1, 2);
    }

    @Test
    void greedy_differentClasses_doNotSuppressUnlessAgnostic() {
        double[] boxes = {0, 0, 2, 2, 0, 0, 2, 2};
        double[] scores = {0.9, 0.8};
        int[] classes = {3, 7};
        assertThat(Nms.greedy(boxes, scores, classes, HALF)).containsExactly(0, 1);
        NmsConfig agnostic = NmsConfig.builder(0.5).optClassAgnostic(true).build();
        assertThat(Nms.greedy(boxes, scores, classes, agnostic)).containsExactly(0);
    }

    @Test
    void greedy_scoreThresholdTopKAndMaxDetections_limitOutput() {
        // four separate boxes scoring 0.1, 0.4, 0.3, 0.2
        double[] boxes = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7};
        double[] scores = {0.1, 0.4, 0.3, 0.2};
        NmsConfig threshold = NmsConfig.builder(0.5).optScoreThreshold(0.2).build();
        assertThat(Nms.greedy(boxes, scores, null, threshold)).containsExactly(1, 2, 3);
        NmsConfig topK = NmsConfig.builder(0.5).optTopK(2).build();
        assertThat(Nms.greedy(boxes, scores, null, topK)).containsExactly(1, 2);
        NmsConfig max = NmsConfig.builder(0.5).optMaxDetections(1).build();
        assertThat(Nms.greedy(boxes, scores, null, max)).containsExactly(1);
    }

    @Test
    void greedy_topKBeforeNms_countsSuppressedBoxes() {
        // B (0.9) suppresses A (0.8); with top-2 C (0.7) never takes part
        double[] boxes = {0, 0, 2, 2, 0, 0, 2, 2, 5, 5, 6, 6};
        double[] scores = {0.8, 0.9, 0.7};
        assertThat(Nms.greedy(boxes, scores, null, NmsConfig.builder(0.5).optTopK(2).build())).containsExactly(1);
    }

    @Test
    void greedy_xywhAndCxcywh_readBoxesInTheirFormat() {
        // the A/B pair of greedy_overlapAboveThreshold_suppressesLowerScore in the other formats
        double[] xywh = {0, 0, 2, 2, 0, 0, 2, 1.5};
        double[] cxcywh = {1, 1, 2, 2, 1, 0.75, 2, 1.5};
        double[] scores = {0.8, 0.9};
        NmsConfig xywhConfig = NmsConfig.builder(0.5).optBoxFormat(BoxFormat.XYWH).build();
        NmsConfig cxcywhConfig = NmsConfig.builder(0.5).optBoxFormat(BoxFormat.CXCYWH).build();
        assertThat(Nms.greedy(xywh, scores, null, xywhConfig)).containsExactly(1);
        assertThat(Nms.greedy(cxcywh, scores, null, cxcywhConfig)).containsExactly(1);
    }

    @Test
    void greedy_softConfig_throws() {
        NmsConfig soft = NmsConfig.builder(0.5).optSuppression(Suppression.LINEAR).build();
        assertThatThrownBy(() -> Nms.greedy(new double[0], new double[0], null, soft))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Nms.run");
    }

    @Test
    void greedy_invalidInput_namesTheProblem() {
        assertThatThrownBy(() -> Nms.greedy(new double[4], new double[2], null, HALF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 scores need 8");
        assertThatThrownBy(() -> Nms.greedy(new double[4], new double[1], new int[2], HALF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 class ids");
        assertThatThrownBy(() -> Nms.greedy(new double[] {0, 0, 1, 1}, new double[] {Double.NaN}, null, HALF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scores[0]");
        assertThatThrownBy(() -> Nms.greedy(new double[] {2, 0, 1, 1}, new double[] {1}, null, HALF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("box 0")
                .hasMessageContaining("negative width");
        assertThatThrownBy(() -> Nms.greedy(new double[] {0, 0, 1, Double.POSITIVE_INFINITY}, new double[] {1},
                null, HALF)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite");
    }

    @Test
    void run_hard_returnsInputScoresOfKeptBoxes() {
        double[] boxes = {0, 0, 2, 2, 0, 0, 2, 1.5, 10, 10, 12, 12};
        double[] scores = {0.8, 0.9, 0.7};
        assertThat(Nms.run(boxes, scores, null, HALF)).isEqualTo(new NmsResult(new int[] {1, 2},
                new double[] {0.9, 0.7}));
    }

    @Test
    void run_scoredBoxes_returnsKeptBoxesByScore() {
        ScoredBox a = new ScoredBox(new Box(0, 0, 2, 2), 0.8, 1);
        ScoredBox b = new ScoredBox(new Box(0, 0, 2, 1.5), 0.9, 1);
        ScoredBox c = new ScoredBox(new Box(0, 0, 2, 2), 0.7, 2);
        assertThat(Nms.run(List.of(a, b, c), HALF)).containsExactly(b, c);
    }

    @Test
    void perImage_detections_suppressesWithinImageAndCategoryOnly() {
        Detections dt = Detections.builder()
                .add(1, 1, 0, 0, 2, 2, 0.8)   // suppressed by the next one (IoU 3/4)
                .add(1, 1, 0, 0, 2, 1.5, 0.9)
                .add(1, 2, 0, 0, 2, 2, 0.7)   // other category
                .add(2, 1, 0, 0, 2, 2, 0.6)   // other image
                .build();
        assertThat(Nms.perImage(dt, HALF)).isEqualTo(new NmsResult(new int[] {1, 2, 3},
                new double[] {0.9, 0.7, 0.6}));
        NmsConfig agnostic = NmsConfig.builder(0.5).optClassAgnostic(true).build();
        assertThat(Nms.perImage(dt, agnostic).indices()).containsExactly(1, 3);
        NmsConfig one = NmsConfig.builder(0.5).optMaxDetections(1).build();
        assertThat(Nms.perImage(dt, one).indices()).containsExactly(1, 3);
    }

    @Property(tries = 3000)
    void greedy_randomCase_equalsBruteForceReference(@ForAll("hardCases") NmsCase c) {
        int[] expected = reference(c);
        assertThat(Nms.greedy(c.boxes(), c.scores(), c.classIds(), c.config())).containsExactly(expected);
        NmsResult result = Nms.run(c.boxes(), c.scores(), c.classIds(), c.config());
        assertThat(result.indices()).containsExactly(expected);
        for (int k = 0; k < expected.length; k++) {
            assertThat(result.scores()[k]).isEqualTo(c.scores()[expected[k]]);
        }
    }

    @Property(tries = 40)
    void greedy_largeRandomCase_equalsBruteForceReference(@ForAll("largeHardCases") NmsCase c) {
        assertThat(Nms.greedy(c.boxes(), c.scores(), c.classIds(), c.config())).containsExactly(reference(c));
    }

    @Provide
    Arbitrary<NmsCase> hardCases() {
        return NmsCase.arbitrary(Suppression.HARD);
    }

    /** Large enough for the radix sort path (512 boxes and more). */
    @Provide
    Arbitrary<NmsCase> largeHardCases() {
        return NmsCase.arbitrary(Suppression.HARD, 500, 1500, 300);
    }

    /**
     * Textbook greedy NMS: take the best remaining box, remove every remaining box of its class whose IoU
     * with it is greater than the threshold, repeat; then keep the first maxDetections.
     */
    private static int[] reference(NmsCase c) {
        List<Integer> remaining = c.ranked();
        List<Integer> kept = new ArrayList<>();
        while (!remaining.isEmpty()) {
            int best = remaining.remove(0);
            kept.add(best);
            remaining.removeIf(j -> c.sameClass(best, j) && c.iou(best, j) > c.config().iouThreshold());
        }
        return kept.stream().limit(c.config().maxDetections()).mapToInt(Integer::intValue).toArray();
    }
}
