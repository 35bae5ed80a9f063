package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The error tally split into image chunks and joined equals the tally of every image in turn. */
final class ErrorTallyTest {

    @Test
    void of_manyChunks_equalsOneChunk() {
        for (long seed = 0; seed < 10; seed++) {
            AnalysisFixtures.Scene s = AnalysisFixtures.random(seed);
            CocoParams p = CocoParams.defaults();
            double[] thresholds = p.iouThrs();
            ErrorTally one = ErrorTally.of(new ImageMatcher(s.gt(), s.dt(), p, true), thresholds, 0.1, 1);
            ErrorTally many = ErrorTally.of(new ImageMatcher(s.gt(), s.dt(), p, true), thresholds, 0.1, 5);
            assertThat(many.positives).isEqualTo(one.positives);
            assertThat(many.size).isEqualTo(one.size);
            for (int c = 0; c < one.classes; c++) {
                int n = one.size[c];
                assertThat(Arrays.copyOf(many.score[c], n)).isEqualTo(Arrays.copyOf(one.score[c], n));
                for (int t = 0; t < thresholds.length; t++) {
                    assertThat(Arrays.copyOf(many.kind[t][c], n)).as("seed %d class %d threshold %d", seed, c, t)
                            .isEqualTo(Arrays.copyOf(one.kind[t][c], n));
                }
            }
            for (int t = 0; t < thresholds.length; t++) {
                assertThat(many.missed[t]).isEqualTo(one.missed[t]);
                assertThat(Arrays.copyOf(many.moves[t], 3 * many.moveCount[t]))
                        .isEqualTo(Arrays.copyOf(one.moves[t], 3 * one.moveCount[t]));
            }
        }
    }
}
