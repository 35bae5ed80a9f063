package dev.deteval.eval.nms;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.geometry.Box;
import dev.deteval.eval.geometry.BoxFormat;
import dev.deteval.eval.internal.ColumnAccess;
import dev.deteval.eval.internal.SharedColumns;
import java.util.ArrayList;
import java.util.List;

/**
 * Non-maximum suppression, greedy or soft, per class or class-agnostic; settings in {@link NmsConfig}.
 *
 * <p>Rules, the same in every method:
 * <ol>
 *   <li>Boxes scoring below the score threshold are dropped; the {@code topK} highest-scoring of the rest
 *       take part.
 *   <li>Boxes are ranked by score, highest first. <b>On equal scores the earlier input wins</b>: it
 *       ranks first, so it is kept and can suppress the later one (a stable sort, as pycocotools sorts).
 *   <li>Greedy: a box is suppressed when its IoU with a box already kept of the same class is
 *       <b>strictly greater</b> than the IoU threshold ({@code IoU > Nt}, as torchvision does); a box at
 *       exactly the threshold survives. Soft: see {@link Suppression}.
 *   <li>IoU is {@code I / (|A| + |B| - I)} in continuous coordinates (no +1 pixel); boxes that do not
 *       overlap, and boxes of zero area, have IoU 0, so identical zero-area boxes never suppress each
 *       other. With {@link BoxFormat#XYWH} input the value is bit for bit pycocotools'.
 *   <li>At most {@code maxDetections} boxes are returned, the highest scoring first.
 * </ol>
 *
 * <p>Array inputs: {@code boxes} is {@code double[4n]} in the configured {@link BoxFormat},
 * {@code scores} is {@code double[n]} (finite), {@code classIds} is {@code int[n]} or null (all boxes one
 * class; also ignored when the configuration is class-agnostic). A box with a non-finite value or a
 * negative width or height, or mismatched lengths, is an {@link IllegalArgumentException}. Inputs are not
 * modified.
 *
 * <p>Cost: one stable sort, then greedy NMS compares each candidate only with the kept boxes of its class
 * until one suppresses it; no objects are created per box. Soft-NMS is O(k²) per class of k boxes.
 */
public final class Nms {

    private static final ColumnAccess COLUMNS = SharedColumns.access();

    private Nms() {
    }

    /**
     * Greedy NMS; the configuration's suppression must be {@link Suppression#HARD}.
     *
     * @return input positions of the kept boxes, by score descending (ties in input order)
     * @throws IllegalArgumentException on invalid input, or a soft-NMS configuration (use {@link #run})
     */
    public static int[] greedy(double[] boxes, double[] scores, int[] classIds, NmsConfig config) {
        if (config.suppression() != Suppression.HARD) {
            throw new IllegalArgumentException("greedy NMS needs Suppression.HARD, the configuration asks for "
                    + config.suppression() + " (use Nms.run)");
        }
        Candidates c = Candidates.rank(boxes, config.boxFormat(), scores, classIds, config);
        return GreedyNms.run(c, config.iouThreshold(), config.maxDetections());
    }

    /**
     * NMS as configured, hard or soft.
     *
     * @return the kept input positions with their scores (decayed for soft-NMS), by that score descending
     *     (ties in input order)
     */
    public static NmsResult run(double[] boxes, double[] scores, int[] classIds, NmsConfig config) {
        return run(boxes, config.boxFormat(), scores, classIds, config);
    }

    private static NmsResult run(double[] boxes, BoxFormat format, double[] scores, int[] classIds,
            NmsConfig config) {
        Candidates c = Candidates.rank(boxes, format, scores, classIds, config);
        if (config.suppression() != Suppression.HARD) {
            return SoftNms.run(c, scores, config);
        }
        int[] kept = GreedyNms.run(c, config.iouThreshold(), config.maxDetections());
        double[] keptScores = new double[kept.length];
        for (int k = 0; k < kept.length; k++) {
            keptScores[k] = scores[kept[k]];
        }
        return new NmsResult(kept, keptScores);
    }

    /**
     * NMS on a list of boxes (the configuration's box format is not used: {@link Box} holds edges).
     *
     * @return the kept boxes, with their scores after NMS, by that score descending (ties in input order)
     */
    public static List<ScoredBox> run(List<ScoredBox> boxes, NmsConfig config) {
        int n = boxes.size();
        double[] flat = new double[4 * n];
        double[] scores = new double[n];
        int[] classIds = new int[n];
        for (int i = 0; i < n; i++) {
            ScoredBox b = boxes.get(i);
            Box box = b.box();
            flat[4 * i] = box.x1();
            flat[4 * i + 1] = box.y1();
            flat[4 * i + 2] = box.x2();
            flat[4 * i + 3] = box.y2();
            scores[i] = b.score();
            classIds[i] = b.classId();
        }
        NmsResult result = run(flat, BoxFormat.XYXY, scores, classIds, config);
        List<ScoredBox> out = new ArrayList<>(result.size());
        for (int k = 0; k < result.size(); k++) {
            out.add(boxes.get(result.index(k)).withScore(result.score(k)));
        }
        return out;
    }

    /**
     * NMS on COCO-style detections, separately for each image and, unless the configuration is
     * class-agnostic, each category: the way raw detector output is cleaned before evaluation.
     * {@code topK} and {@code maxDetections} apply per image. Boxes are read as {@code [x, y, w, h]}
     * whatever the configured box format.
     *
     * @return the kept positions in {@code detections} in ascending order (input order), with their
     *     scores after NMS
     */
    public static NmsResult perImage(Detections detections, NmsConfig config) {
        int n = detections.size();
        DenseIds images = DenseIds.of(COLUMNS.imageIds(detections));
        int[] categories = DenseIds.of(COLUMNS.categoryIds(detections)).dense();
        int[] start = images.starts();
        int[] order = images.groupedOrder(start);
        double[] allBoxes = COLUMNS.boxes(detections);
        double[] allScores = COLUMNS.scores(detections);
        boolean[] kept = new boolean[n];
        double[] newScores = new double[n];
        for (int img = 0; img < images.count(); img++) {
            int from = start[img];
            int k = start[img + 1] - from;
            double[] boxes = new double[4 * k];
            double[] scores = new double[k];
            int[] classIds = new int[k];
            for (int j = 0; j < k; j++) {
                int i = order[from + j];
                System.arraycopy(allBoxes, 4 * i, boxes, 4 * j, 4);
                scores[j] = allScores[i];
                classIds[j] = categories[i];
            }
            NmsResult r = run(boxes, BoxFormat.XYWH, scores, classIds, config);
            for (int t = 0; t < r.size(); t++) {
                int i = order[from + r.index(t)];
                kept[i] = true;
                newScores[i] = r.score(t);
            }
        }
        return inputOrder(kept, newScores);
    }

    private static NmsResult inputOrder(boolean[] kept, double[] newScores) {
        int count = 0;
        for (boolean k : kept) {
            count += k ? 1 : 0;
        }
        int[] indices = new int[count];
        double[] scores = new double[count];
        int t = 0;
        for (int i = 0; i < kept.length; i++) {
            if (kept[i]) {
                indices[t] = i;
                scores[t++] = newScores[i];
            }
        }
        return new NmsResult(indices, scores);
    }
}
