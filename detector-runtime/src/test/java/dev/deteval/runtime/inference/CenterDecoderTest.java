package dev.deteval.runtime.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.deteval.runtime.model.GridLayout;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

final class CenterDecoderTest {

    /** Two classes on a 4 x 4 grid of 4-pixel cells (16 x 16 images). */
    private static final GridLayout LAYOUT = new GridLayout(2, 16, 16, 4);
    private static final int PLANE = 16;

    /** An output of two images, every heatmap logit very low and every box channel log-distance 0. */
    private static float[] quietOutput() {
        float[] output = new float[2 * LAYOUT.channels() * PLANE];
        for (int image = 0; image < 2; image++) {
            Arrays.fill(output, image * LAYOUT.channels() * PLANE, image * LAYOUT.channels() * PLANE + 2 * PLANE, -20f);
        }
        return output;
    }

    private static void set(float[] output, int image, int channel, int row, int col, float value) {
        output[(image * LAYOUT.channels() + channel) * PLANE + row * 4 + col] = value;
    }

    @Test
    void decode_onePeak_boxFromCellCentreAndExpDistances() {
        float[] output = quietOutput();
        set(output, 1, 1, 2, 1, 2f);
        set(output, 1, 2, 2, 1, (float) Math.log(1.5));
        set(output, 1, 3, 2, 1, 0f);
        set(output, 1, 4, 2, 1, (float) Math.log(2));
        set(output, 1, 5, 2, 1, (float) Math.log(0.5));

        CenterDecoder.Candidates c = new CenterDecoder(LAYOUT, 0.01, 10).decode(output, 1);

        assertThat(c.size()).isEqualTo(1);
        assertThat(c.classIds()).containsExactly(1);
        assertThat(c.scores()[0]).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-12));
        // cell (row 2, col 1) has centre (1.5·4, 2.5·4) = (6, 10); distances are e^v · 4 pixels; float32 math
        assertThat(c.boxes()).containsExactly(new double[] {6 - 1.5 * 4, 10 - 1 * 4, 6 + 2 * 4, 10 + 0.5 * 4},
                within(1e-5));
    }

    @Test
    void decode_neighbourOfAPeak_isNotACandidate() {
        float[] output = quietOutput();
        set(output, 0, 0, 1, 1, 3f);
        set(output, 0, 0, 1, 2, 2f);
        set(output, 0, 0, 3, 3, 1f);

        CenterDecoder.Candidates c = new CenterDecoder(LAYOUT, 0.01, 10).decode(output, 0);

        assertThat(c.scores()).containsExactly(1 / (1 + Math.exp(-3)), 1 / (1 + Math.exp(-1)));
    }

    @Test
    void decode_belowMinScoreOrBeyondMaxCandidates_dropped() {
        float[] output = quietOutput();
        set(output, 0, 0, 0, 0, 1f);
        set(output, 0, 0, 0, 3, 2f);
        set(output, 0, 1, 3, 0, 3f);
        set(output, 0, 1, 3, 3, -5f);

        CenterDecoder.Candidates c = new CenterDecoder(LAYOUT, 0.05, 2).decode(output, 0);

        // σ(-5) = 0.0067 is below 0.05; of the other three the two best are kept, best first
        assertThat(c.scores()).containsExactly(1 / (1 + Math.exp(-3)), 1 / (1 + Math.exp(-2)));
        assertThat(c.classIds()).containsExactly(1, 0);
    }

    /** Sets the four box channels of a cell to the log-distances that decode to {@code [x1, y1, x2, y2]}. */
    private static void setBox(float[] output, int image, int row, int col, double[] box) {
        double cx = LAYOUT.centerX(col);
        double cy = LAYOUT.centerY(row);
        double[] distances = {cx - box[0], cy - box[1], box[2] - cx, box[3] - cy};
        for (int k = 0; k < 4; k++) {
            set(output, image, 2 + k, row, col, (float) Math.log(distances[k] / 4));
        }
    }

    @Test
    void decode_neighboursWithAgreeingBoxes_boxIsTheirRootScoreWeightedMean() {
        float[] output = quietOutput();
        // the peak, cell (1, 1) of class 0: box [0, 0, 12, 12]
        set(output, 0, 0, 1, 1, 2f);
        setBox(output, 0, 1, 1, new double[] {0, 0, 12, 12});
        // its right neighbour agrees (IoU 132 / 144 >= 0.8): box [1, 0, 12, 12], logit 0
        set(output, 0, 0, 1, 2, 0f);
        setBox(output, 0, 1, 2, new double[] {1, 0, 12, 12});
        // the neighbour below disagrees (IoU 96 / 192 = 0.5 < 0.8): box [0, 4, 12, 16], logit 1
        set(output, 0, 0, 2, 1, 1f);
        setBox(output, 0, 2, 1, new double[] {0, 4, 12, 16});
        // every other cell's box is 8 x 8 around its centre: IoU with the peak's box at most 64 / 144

        CenterDecoder.Candidates c = new CenterDecoder(LAYOUT, 0.01, 10).decode(output, 0);

        assertThat(c.size()).isEqualTo(1);
        double peak = Math.sqrt(1 / (1 + Math.exp(-2)));
        double right = Math.sqrt(0.5);
        // float32 log-distances: about 1e-6 px
        assertThat(c.boxes()).containsExactly(new double[] {(peak * 0 + right * 1) / (peak + right), 0, 12, 12},
                within(1e-5));
    }
}
