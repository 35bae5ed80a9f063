package dev.deteval.runtime.inference;

import dev.deteval.runtime.model.GridLayout;
import java.util.Arrays;

/**
 * Turns the raw network output of one image into candidate boxes, in plain Java on a float array.
 *
 * <p>A candidate is a heatmap cell whose logit is at least each of its eight neighbours' in the same class
 * channel (a 3 × 3 local maximum: CenterNet's replacement for most of NMS) and whose score
 * {@code σ(logit)} is at least {@code minScore}; its box comes from the same cell's box channels, decoded
 * as in {@link dev.deteval.runtime.model.DetectorLoss}. The {@code maxCandidates} best are kept.
 */
final class CenterDecoder {

    private static final float MIN_LOG = -6f;
    private static final float MAX_LOG = 4f;

    private final GridLayout layout;
    private final float minLogit;
    private final int maxCandidates;

    /**
     * @param layout the output grid
     * @param minScore lowest score kept, in (0, 1)
     * @param maxCandidates most candidates per image
     */
    CenterDecoder(GridLayout layout, double minScore, int maxCandidates) {
        if (!(minScore > 0 && minScore < 1) || maxCandidates < 1) {
            throw new IllegalArgumentException("need 0 < minScore < 1 and maxCandidates >= 1");
        }
        this.layout = layout;
        this.minLogit = (float) Math.log(minScore / (1 - minScore));
        this.maxCandidates = maxCandidates;
    }

    /** Candidates of one image: {@code boxes} holds {@code [x1, y1, x2, y2]} per candidate, in pixels. */
    record Candidates(double[] boxes, double[] scores, int[] classIds) {
        int size() {
            return scores.length;
        }
    }

    /**
     * Decodes one image.
     *
     * @param output the batch's output {@code (N, classes + 4, rows, cols)}, flattened
     * @param image position of the image in the batch
     */
    Candidates decode(float[] output, int image) {
        int rows = layout.rows();
        int cols = layout.cols();
        int plane = rows * cols;
        int base = image * layout.channels() * plane;
        int[] cells = new int[layout.classes() * plane];
        int found = 0;
        for (int k = 0; k < layout.classes(); k++) {
            int channel = base + k * plane;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    float v = output[channel + r * cols + c];
                    if (v >= minLogit && isPeak(output, channel, r, c, v)) {
                        cells[found++] = k * plane + r * cols + c;
                    }
                }
            }
        }
        int kept = Math.min(found, maxCandidates);
        int[] order = best(output, base, cells, found, kept);
        double[] boxes = new double[4 * kept];
        double[] scores = new double[kept];
        int[] classIds = new int[kept];
        int boxChannels = base + layout.classes() * plane;
        for (int i = 0; i < kept; i++) {
            int cell = order[i];
            int k = cell / plane;
            int at = cell % plane;
            float cx = layout.centerX(at % cols);
            float cy = layout.centerY(at / cols);
            boxes[4 * i] = cx - distance(output[boxChannels + at]);
            boxes[4 * i + 1] = cy - distance(output[boxChannels + plane + at]);
            boxes[4 * i + 2] = cx + distance(output[boxChannels + 2 * plane + at]);
            boxes[4 * i + 3] = cy + distance(output[boxChannels + 3 * plane + at]);
            scores[i] = 1 / (1 + Math.exp(-output[base + cell]));
            classIds[i] = k;
        }
        return new Candidates(boxes, scores, classIds);
    }

    private boolean isPeak(float[] output, int channel, int r, int c, float v) {
        for (int dr = -1; dr <= 1; dr++) {
            int rr = r + dr;
            if (rr < 0 || rr >= layout.rows()) {
                continue;
            }
            for (int dc = -1; dc <= 1; dc++) {
                int cc = c + dc;
                if (cc >= 0 && cc < layout.cols() && output[channel + rr * layout.cols() + cc] > v) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The {@code kept} cells with the highest logits, best first (ties: lower cell index first). */
    private static int[] best(float[] output, int base, int[] cells, int found, int kept) {
        Integer[] boxed = new Integer[found];
        for (int i = 0; i < found; i++) {
            boxed[i] = cells[i];
        }
        Arrays.sort(boxed, (a, b) -> Float.compare(output[base + b], output[base + a]));
        int[] order = new int[kept];
        for (int i = 0; i < kept; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    private float distance(float logDistance) {
        return (float) Math.exp(Math.min(MAX_LOG, Math.max(MIN_LOG, logDistance))) * layout.stride();
    }
}
