package dev.deteval.runtime.inference;

import dev.deteval.runtime.model.GridLayout;
import java.util.Arrays;

/**
 * Turns the raw network output of one image into candidate boxes, in plain Java on a float array.
 *
 * <p>A candidate is a heatmap cell whose logit is at least each of its eight neighbours' in the same class
 * channel (a 3 × 3 local maximum: CenterNet's replacement for most of NMS) and whose score
 * {@code σ(logit)} is at least {@code minScore}; the {@code maxCandidates} best are kept. Every cell's box
 * channels decode to a box as in {@link dev.deteval.runtime.model.DetectorLoss}. Training teaches the cells
 * around a centre to regress the same box, so a candidate's box is the mean of the boxes of its 3 × 3
 * neighbourhood that agree with the peak cell's own box (IoU at least {@link #NEIGHBOUR_IOU}), each weighted
 * by the square root of its score in the candidate's class: averaging several cells' estimates makes
 * the edges more precise than the peak cell alone (held-out AP@[.5:.95] +0.015 to +0.02, docs/benchmarks.md).
 */
final class CenterDecoder {

    private static final float MIN_LOG = -6f;
    private static final float MAX_LOG = 4f;
    /** Lowest IoU with the peak's own box for a neighbouring cell's box to join the peak's mean box. */
    static final double NEIGHBOUR_IOU = 0.8;

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
            box(output, boxChannels, at, boxes, 4 * i);
            refine(output, base + k * plane, boxChannels, at, boxes, 4 * i);
            scores[i] = 1 / (1 + Math.exp(-output[base + cell]));
            classIds[i] = k;
        }
        return new Candidates(boxes, scores, classIds);
    }

    /** Decodes the box of cell {@code at} into {@code boxes[o..o+3]}: {@code [x1, y1, x2, y2]} in pixels. */
    private void box(float[] output, int boxChannels, int at, double[] boxes, int o) {
        int plane = layout.rows() * layout.cols();
        float cx = layout.centerX(at % layout.cols());
        float cy = layout.centerY(at / layout.cols());
        boxes[o] = cx - distance(output[boxChannels + at]);
        boxes[o + 1] = cy - distance(output[boxChannels + plane + at]);
        boxes[o + 2] = cx + distance(output[boxChannels + 2 * plane + at]);
        boxes[o + 3] = cy + distance(output[boxChannels + 3 * plane + at]);
    }

    /**
     * Replaces the box at {@code boxes[o..o+3]}, decoded from peak cell {@code at}, by the weighted mean of the
     * boxes of the cells in the peak's 3 × 3 neighbourhood (the peak included) whose box overlaps the peak's
     * with IoU at least {@link #NEIGHBOUR_IOU}, each weighted by √σ(its logit in the peak's class channel).
     */
    private void refine(float[] output, int channel, int boxChannels, int at, double[] boxes, int o) {
        int cols = layout.cols();
        int r = at / cols;
        int c = at % cols;
        double[] sum = new double[4];
        double total = 0;
        double[] neighbour = new double[4];
        for (int rr = Math.max(0, r - 1); rr <= Math.min(layout.rows() - 1, r + 1); rr++) {
            for (int cc = Math.max(0, c - 1); cc <= Math.min(cols - 1, c + 1); cc++) {
                int cell = rr * cols + cc;
                box(output, boxChannels, cell, neighbour, 0);
                if (cell != at && iou(neighbour, boxes, o) < NEIGHBOUR_IOU) {
                    continue;
                }
                double weight = Math.sqrt(1 / (1 + Math.exp(-output[channel + cell])));
                for (int j = 0; j < 4; j++) {
                    sum[j] += weight * neighbour[j];
                }
                total += weight;
            }
        }
        for (int j = 0; j < 4; j++) {
            boxes[o + j] = sum[j] / total;
        }
    }

    /** IoU of box {@code a[0..3]} and box {@code b[o..o+3]}, edges in pixels; 0 when they do not overlap. */
    private static double iou(double[] a, double[] b, int o) {
        double iw = Math.min(a[2], b[o + 2]) - Math.max(a[0], b[o]);
        double ih = Math.min(a[3], b[o + 3]) - Math.max(a[1], b[o + 1]);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[o + 2] - b[o]) * (b[o + 3] - b[o + 1]) - inter);
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
