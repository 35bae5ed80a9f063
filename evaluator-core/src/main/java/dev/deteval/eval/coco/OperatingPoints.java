package dev.deteval.eval.coco;

import dev.deteval.eval.data.Category;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Precision, recall and F1 at a confidence threshold, and the threshold that maximises F1, from COCO's own
 * per-detection match outcomes at one IoU threshold, area range "all" ({@code [0, 1e10]}) and maxDets 100.
 *
 * <p>The outcomes come from the evaluator's matching ({@link CategoryEvaluation#match}) run with those
 * parameters (the mode, IoU type, categories and image/category filters are the caller's). A detection
 * counts at confidence {@code c} when its score is at least {@code c} and the matching did not ignore it
 * (matched to a crowd or ignored ground truth, or beyond the 100 best of its image and category). A
 * counted detection is a true positive when it matched; otherwise a false positive. {@code fn} is the
 * number of ground truths that count (not crowd, not ignored) minus {@code tp}. Because COCO matching is
 * greedy in score order, the matches among the detections above {@code c} are the same as when only those
 * were matched.
 *
 * <p>Best F1: the candidate thresholds are the distinct scores of counted detections (between two of them
 * the counts do not change); the one with the highest F1 wins and ties go to the higher confidence. Without
 * any counted detection F1 is 0 everywhere and the best point is reported at confidence 0.
 *
 * <p>The pooled point sums the counts of all categories (micro average); its best F1 scans the pooled
 * scores.
 */
public final class OperatingPoints {

    /** The maxDets used, as in the definition of an operating point. */
    public static final int MAX_DETS = 100;

    private final double iou;
    private final Curve overall;
    private final List<Curve> categories;
    /** {@link #bestF1()}, once computed. */
    private OperatingPointTable best;

    private OperatingPoints(double iou, Curve overall, List<Curve> categories) {
        this.iou = iou;
        this.overall = overall;
        this.categories = categories;
    }

    /**
     * Matches {@code dt} to {@code gt} at IoU threshold {@code iou} (area all, maxDets 100) and keeps the
     * outcomes of every detection.
     *
     * @param params the mode, IoU type, use of categories and id filters to use; their thresholds, area
     *     ranges and maxDets are replaced
     * @throws IllegalArgumentException when {@code iou} is not in [0, 1]
     */
    public static OperatingPoints compute(GroundTruth gt, Detections dt, CocoParams params, double iou) {
        if (!(iou >= 0 && iou <= 1)) {
            throw new IllegalArgumentException("IoU threshold must be in [0, 1], got " + iou);
        }
        CocoParams p = params.toBuilder().optIouThrs(iou).optMaxDets(MAX_DETS)
                .optAreaRanges(new double[][] {{0, 1e10}}, "all").build();
        GroupIndex index = GroupIndex.build(gt, dt, p);
        CategoryEvaluation evaluation = new CategoryEvaluation(gt, dt, p, index);
        long[] ids = p.useCats() ? index.categoryIds : new long[] {-1};
        // categories are matched independently (as the evaluation does, in parallel); the list keeps their order
        List<Curve> curves = IntStream.range(0, index.groupCategories).parallel().mapToObj(k -> {
            Category c = p.useCats() ? gt.category(ids[k]) : null;
            CategoryOutcomes o = evaluation.match(k);
            return Curve.of(ids[k], c == null ? "" : c.name(), o.rank(), o.score(), o.tp(), o.ignored(), 0,
                    o.npig()[0]);
        }).toList();
        return new OperatingPoints(iou, Curve.pooled(curves), curves);
    }

    /**
     * The same operating points as {@link #compute(GroundTruth, Detections, CocoParams, double)
     * compute(gt, dt, evaluated's parameters, iou)}, read from the evaluation's own match table when it
     * matched at {@code iou} (one of its IoU thresholds equal to it), with an area range {@code [0, 1e10]}
     * and the largest maxDets at least 100 (pycocotools' defaults qualify for IoU 0.5, 0.55, …, 0.95);
     * otherwise matched again as {@code compute} does.
     *
     * @param evaluated an evaluation of {@code dt} against {@code gt}
     * @throws IllegalArgumentException when {@code iou} is not in [0, 1]
     */
    public static OperatingPoints compute(OutcomeTable evaluated, GroundTruth gt, Detections dt, double iou) {
        int row = evaluated.operatingRow(iou);
        if (row < 0) {
            return compute(gt, dt, evaluated.params(), iou);
        }
        CocoParams p = evaluated.params();
        long[] ids = evaluated.result().categoryIds();
        int area = evaluated.areaOfRow(row);
        int areas = p.areaCount();
        List<Curve> curves = new ArrayList<>(evaluated.categoryRows());
        for (int k = 0; k < evaluated.categoryRows(); k++) {
            Category c = p.useCats() ? gt.category(ids[k]) : null;
            CategoryResample r = evaluated.row(k);
            int positives = 0;
            for (int e = 0; e < r.gtImages().length; e++) {
                positives += r.counted()[e * areas + area];
            }
            curves.add(Curve.of(ids[k], c == null ? "" : c.name(), r.rank(), evaluated.scores(k), r.tp(),
                    r.ignored(), row, positives));
        }
        return new OperatingPoints(iou, Curve.pooled(curves), curves);
    }

    /** The IoU threshold of the matching. */
    public double iou() {
        return iou;
    }

    /** The points at confidence {@code c}: a detection counts when its score is at least {@code c}. */
    public OperatingPointTable at(double confidence) {
        List<OperatingPoint> rows = new ArrayList<>(categories.size());
        for (Curve c : categories) {
            rows.add(c.at(confidence));
        }
        return new OperatingPointTable(iou, overall.at(confidence), rows);
    }

    /**
     * The best-F1 point of the pooled counts and, independently, of each category (a scan of every counted
     * detection, made once: the page and the report both ask).
     */
    public synchronized OperatingPointTable bestF1() {
        if (best == null) {
            List<OperatingPoint> rows = new ArrayList<>(categories.size());
            for (Curve c : categories) {
                rows.add(c.bestF1());
            }
            best = new OperatingPointTable(iou, overall.bestF1(), rows);
        }
        return best;
    }

    /** The raw precision/recall curve of category row {@code k}, or of the pooled counts when {@code k} is -1. */
    PrCurve rawCurve(int k) {
        Curve c = k < 0 ? overall : categories.get(k);
        return c.raw();
    }

    /** The number of category rows. */
    int categoryCount() {
        return categories.size();
    }

    /**
     * The counted detections of one category (or pooled) in descending score order, with the running
     * number of true positives, and the number of ground truths that count.
     */
    private record Curve(long id, String name, double[] score, int[] cumTp, int positives) {

        /**
         * The counted detections of one category's match table ({@link CategoryOutcomes}' layout: merged
         * order, {@code [A][T][words]} bit sets) at (area, threshold) row {@code row}, whose number of
         * ground truths that count is {@code positives}.
         */
        static Curve of(long id, String name, int[] rank, double[] scores, long[] tpBits, long[] ignoredBits,
                int row, int positives) {
            int n = scores.length;
            int base = row * CategoryOutcomes.words(n);
            double[] score = new double[n];
            boolean[] tp = new boolean[n];
            int kept = 0;
            for (int i = 0; i < n; i++) {
                long bit = 1L << i;
                int w = base + (i >>> 6);
                if (rank[i] >= MAX_DETS || (ignoredBits[w] & bit) != 0) {
                    continue;
                }
                score[kept] = scores[i];
                tp[kept] = (tpBits[w] & bit) != 0;
                kept++;
            }
            return new Curve(id, name, Arrays.copyOf(score, kept), cumulative(tp, kept), positives);
        }

        static Curve pooled(List<Curve> curves) {
            int n = 0;
            int positives = 0;
            for (Curve c : curves) {
                n += c.score.length;
                positives += c.positives;
            }
            // the categories' (score, tp) runs, each in descending score order, one after the other; adjacent
            // runs are merged in rounds, the earlier run's entry first on equal scores (so the order is the
            // stable descending sort of the whole), each round a sequential pass from one pair of buffers to
            // the other
            double[] score = new double[n];
            boolean[] tp = new boolean[n];
            int[] bounds = new int[curves.size() + 1];
            int j = 0;
            for (int k = 0; k < curves.size(); k++) {
                Curve c = curves.get(k);
                System.arraycopy(c.score, 0, score, j, c.score.length);
                for (int i = 0; i < c.score.length; i++) {
                    tp[j + i] = c.cumTp[i + 1] > c.cumTp[i];
                }
                j += c.score.length;
                bounds[k + 1] = j;
            }
            // round r reads buffer r % 2 and writes the other
            double[][] scores = {score, new double[n]};
            boolean[][] tps = {tp, new boolean[n]};
            int round = 0;
            for (int runs = curves.size(); runs > 1; runs = (runs + 1) / 2, round++) {
                int in = round % 2;
                for (int r = 0; r < runs; r += 2) {
                    int from = bounds[r];
                    int mid = bounds[Math.min(r + 1, runs)];
                    int to = bounds[Math.min(r + 2, runs)];
                    merge(scores[in], tps[in], from, mid, to, scores[1 - in], tps[1 - in]);
                    bounds[r / 2] = from;
                }
                bounds[(runs + 1) / 2] = n;
            }
            return new Curve(-1, "", scores[round % 2], cumulative(tps[round % 2], n), positives);
        }

        /**
         * Merges the descending runs {@code [from, mid)} and {@code [mid, to)} into the same range of the other
         * buffers.
         */
        private static void merge(double[] score, boolean[] tp, int from, int mid, int to, double[] outScore,
                boolean[] outTp) {
            int a = from;
            int b = mid;
            for (int i = from; i < to; i++) {
                // the first run's entry unless the second's score is higher (-0.0 and 0.0 count as equal)
                int at = b == to || (a < mid && !(score[b] > score[a])) ? a++ : b++;
                outScore[i] = score[at];
                outTp[i] = tp[at];
            }
        }

        private static int[] cumulative(boolean[] tp, int n) {
            int[] cum = new int[n + 1];
            for (int i = 0; i < n; i++) {
                cum[i + 1] = cum[i] + (tp[i] ? 1 : 0);
            }
            return cum;
        }

        /** The number of counted detections whose score is at least {@code c}. */
        private int countAtLeast(double c) {
            int lo = 0;
            int hi = score.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (score[mid] >= c) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private OperatingPoint point(double confidence, int counted) {
            int tp = cumTp[counted];
            return new OperatingPoint(id, name, confidence, tp, counted - tp, positives - tp);
        }

        OperatingPoint at(double confidence) {
            return point(confidence, countAtLeast(confidence));
        }

        /** One point per distinct score (the last detection of each run of equal scores). */
        PrCurve raw() {
            int n = 0;
            double[] s = new double[score.length];
            double[] p = new double[score.length];
            double[] r = new double[score.length];
            for (int i = 0; i < score.length; i++) {
                if (i + 1 < score.length && score[i + 1] == score[i]) {
                    continue;
                }
                OperatingPoint point = point(score[i], i + 1);
                s[n] = score[i];
                p[n] = point.precision();
                r[n] = point.recall();
                n++;
            }
            return new PrCurve(id, name, Arrays.copyOf(s, n), Arrays.copyOf(p, n), Arrays.copyOf(r, n));
        }

        OperatingPoint bestF1() {
            int best = -1;
            double bestF1 = 0;
            for (int i = 0; i < score.length; i++) {
                if (i + 1 < score.length && score[i + 1] == score[i]) {
                    continue; // not the last of its score
                }
                int tp = cumTp[i + 1];
                double f1 = OperatingPoint.f1(tp, i + 1 - tp, positives - tp);
                if (best < 0 || f1 > bestF1) {
                    best = i;
                    bestF1 = f1;
                }
            }
            return best < 0 ? point(0.0, 0) : point(score[best], best + 1);
        }
    }
}
