package dev.deteval.eval.nms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** NmsResult is immutable: it copies the arrays it is given and the arrays it returns (issue 13, item 7). */
final class NmsResultTest {

    private static final double[] BOXES = {0, 0, 10, 10, 1, 1, 11, 11, 50, 50, 60, 60};
    private static final double[] SCORES = {0.9, 0.8, 0.7};

    @Test
    void indicesAndScores_callerWritesIntoThem_resultUnchanged() {
        NmsResult result = Nms.run(BOXES, SCORES, null, NmsConfig.builder(0.5).build());
        NmsResult expected = new NmsResult(new int[] {0, 2}, new double[] {0.9, 0.7});
        assertThat(result).isEqualTo(expected);

        Arrays.fill(result.indices(), 1);
        Arrays.fill(result.scores(), 0.0);

        assertThat(result).isEqualTo(expected);
        assertThat(result.index(1)).isEqualTo(2);
        assertThat(result.score(1)).isEqualTo(0.7);
    }

    @Test
    void constructor_callerWritesIntoItsArraysAfterwards_resultUnchanged() {
        int[] indices = {3, 1};
        double[] scores = {0.5, 0.25};
        NmsResult result = new NmsResult(indices, scores);

        indices[0] = 0;
        scores[0] = 0.0;

        assertThat(result.indices()).containsExactly(3, 1);
        assertThat(result.scores()).containsExactly(0.5, 0.25);
    }
}
