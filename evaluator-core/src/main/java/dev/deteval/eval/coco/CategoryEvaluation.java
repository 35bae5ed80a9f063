package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.internal.ColumnAccess;
import dev.deteval.eval.internal.RadixSort;
import dev.deteval.eval.internal.SharedColumns;
import dev.deteval.eval.internal.StableSort;
import java.util.Arrays;

/**
 * Matches one category (or the pooled set when categories are not used) over all images: per image
 * the similarity matrix once (box IoU, mask IoU or OKS, see {@link Similarity}), then greedy COCO matching for every area range and IoU threshold
 * (pycocotools' {@code computeIoU} and {@code evaluateImg}). The result, a {@link CategoryOutcomes},
 * feeds {@link Accumulation}.
 *
 * <p>Per detection and (area, threshold) the outcome is a true positive, a false positive or ignored.
 * It is recorded as one bit in a true-positive or an ignored bit set (neither: a false positive, the
 * common case that then costs no write), at the detection's place in the category's merged score order,
 * the order {@link Accumulation} walks.
 */
final class CategoryEvaluation {

    private static final ColumnAccess COLUMNS = SharedColumns.access();

    static final byte FP = 0;
    static final byte TP = 1;
    static final byte IGNORED = 2;

    private final GroundTruth gt;
    private final Detections dt;
    private final CocoParams p;
    private final GroupIndex index;
    private final boolean compat;
    private final boolean honourIgnore;
    private final boolean[] ignoreUnmatched;
    private final Similarity similarity;
    private final int[] numKeypoints;

    /** COCO matching: in compat mode the ground truths' {@code ignore} field is not used (pycocotools). */
    CategoryEvaluation(GroundTruth gt, Detections dt, CocoParams p, GroupIndex index) {
        this(gt, dt, p, index, p.mode() != CocoMode.COMPAT, null);
    }

    /**
     * Matching with the LVIS additions: whether the ground truths' {@code ignore} field is honoured, and per
     * detection row whether it is ignored when it matches nothing (LVIS: its category is not exhaustively
     * annotated in its image), or null for no such detection.
     */
    CategoryEvaluation(GroundTruth gt, Detections dt, CocoParams p, GroupIndex index, boolean honourIgnore,
            boolean[] ignoreUnmatched) {
        this.gt = gt;
        this.dt = dt;
        this.p = p;
        this.index = index;
        this.compat = p.mode() == CocoMode.COMPAT;
        this.honourIgnore = honourIgnore;
        this.ignoreUnmatched = ignoreUnmatched;
        this.similarity = Similarity.of(p.iouType(), gt, dt, p);
        this.numKeypoints = p.iouType() == IouType.KEYPOINTS ? COLUMNS.numKeypoints(gt) : null;
    }

    /** The parameters matched with. */
    CocoParams params() {
        return p;
    }

    /** Matches and accumulates category row {@code k}, writing its slices of {@code tables}. */
    void run(int k, PrecisionTable.Writer tables) {
        new Accumulation(p, k, match(k)).writeTo(tables);
    }

    /** Matches the detections of category row {@code k} in every image. */
    CategoryOutcomes match(int k) {
        return match(k, null);
    }

    /**
     * Matches the detections of category row {@code k} in every image and, when {@code trail} is not
     * null, records there each detection's image and each image's count of ground truths that are not
     * ignored (what {@link Resampling} needs to re-accumulate without matching again).
     */
    CategoryOutcomes match(int k, ImageTrail trail) {
        int images = index.imageCount();
        int maxDet = p.maxDet(p.maxDetCount() - 1);
        int areas = p.areaCount();
        int thresholds = p.iouCount();
        MatchBuffers buffers = new MatchBuffers();
        Ranked ranked = rankWithinImages(k, maxDet, buffers);
        int n = ranked.rows.length;
        if (trail != null) {
            trail.start(n);
        }
        // accumulate()'s merged order: one stable sort of that sequence by descending score
        int[] order = new int[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        RadixSort.descending(order, 0, n, ranked.score);
        int[] position = new int[n];
        for (int j = 0; j < n; j++) {
            position[order[j]] = j;
        }

        int words = CategoryOutcomes.words(n);
        long[] tp = new long[areas * thresholds * words];
        long[] ignored = new long[tp.length];
        int[] npig = new int[areas];
        int offset = 0;
        for (int i = 0; i < images; i++) {
            int g = k * images + i;
            int gtFrom = index.gtStart[g];
            int gtCount = index.gtStart[g + 1] - gtFrom;
            int dtCount = Math.min(maxDet, index.dtStart[g + 1] - index.dtStart[g]);
            if (gtCount == 0 && dtCount == 0) {
                continue;
            }
            int[] dts = buffers.dts(dtCount);
            System.arraycopy(ranked.rows, offset, dts, 0, dtCount);
            int[] at = buffers.at(dtCount);
            System.arraycopy(position, offset, at, 0, dtCount);
            System.arraycopy(ranked.area, offset, buffers.area, 0, dtCount);
            if (gtCount == 0) {
                unmatchable(dts, buffers.area, dtCount, at, ignored, words);
            } else {
                double[] ious = buffers.ious(dtCount, gtCount);
                computeIous(dts, dtCount, gtFrom, gtCount, ious, buffers.dmax);
                for (int a = 0; a < areas; a++) {
                    int counted = matchImage(a, dts, dtCount, gtFrom, gtCount, ious, buffers, tp, ignored, words);
                    npig[a] += counted;
                    if (trail != null) {
                        trail.groundTruths(i, a, counted);
                    }
                }
            }
            if (trail != null) {
                trail.detections(i, at, dtCount);
            }
            offset += dtCount;
        }
        int[] rankedRank = new int[n];
        double[] rankedScore = new double[n];
        for (int j = 0; j < n; j++) {
            rankedRank[j] = ranked.rank[order[j]];
            rankedScore[j] = ranked.score[order[j]];
        }
        return new CategoryOutcomes(rankedRank, rankedScore, tp, ignored, npig);
    }

    /**
     * A category's detections, image after image, each image's in descending score order and cut to
     * maxDets: their rows, rank within the image, score and area (the last two copied while the rows are
     * at hand, so that later passes read them in order).
     */
    private record Ranked(int[] rows, int[] rank, double[] score, double[] area) {
    }

    private Ranked rankWithinImages(int k, int maxDet, MatchBuffers buffers) {
        int images = index.imageCount();
        int n = 0;
        for (int i = 0; i < images; i++) {
            int g = k * images + i;
            n += Math.min(maxDet, index.dtStart[g + 1] - index.dtStart[g]);
        }
        Ranked ranked = new Ranked(new int[n], new int[n], new double[n], new double[n]);
        double[] scores = COLUMNS.scores(dt);
        double[] areas = COLUMNS.areas(dt);
        int offset = 0;
        for (int i = 0; i < images; i++) {
            int g = k * images + i;
            int dtFrom = index.dtStart[g];
            int dtAll = index.dtStart[g + 1] - dtFrom;
            if (dtAll == 0) {
                continue;
            }
            int[] dts = buffers.dts(dtAll);
            System.arraycopy(index.dtMembers, dtFrom, dts, 0, dtAll);
            StableSort.descending(dts, 0, dtAll, scores);
            int dtCount = Math.min(maxDet, dtAll);
            System.arraycopy(dts, 0, ranked.rows, offset, dtCount);
            for (int d = 0; d < dtCount; d++) {
                ranked.rank[offset + d] = d;
                ranked.score[offset + d] = scores[dts[d]];
                ranked.area[offset + d] = areas[dts[d]];
            }
            offset += dtCount;
        }
        return ranked;
    }

    /**
     * Outcomes of detections in an image without ground truth of their category: for every threshold a
     * false positive, or ignored outside the area range or when it is to be ignored unmatched (what
     * {@link #matchImage} gives with no ground truths, without its per-threshold work). {@code dts[d]}: the
     * row of detection d; {@code at[d]}: its merged-order place.
     */
    private void unmatchable(int[] dts, double[] dtArea, int dtCount, int[] at, long[] ignored, int words) {
        int thresholds = p.iouCount();
        for (int a = 0; a < p.areaCount(); a++) {
            double lo = p.areaLo(a);
            double hi = p.areaHi(a);
            int rows = a * thresholds;
            for (int d = 0; d < dtCount; d++) {
                double area = dtArea[d];
                if (area >= lo && area <= hi && (ignoreUnmatched == null || !ignoreUnmatched[dts[d]])) {
                    continue; // a false positive: no bit
                }
                int word = at[d] >>> 6;
                long bit = 1L << at[d];
                for (int t = 0; t < thresholds; t++) {
                    ignored[(rows + t) * words + word] |= bit;
                }
            }
        }
    }

    private void computeIous(int[] dts, int dtCount, int gtFrom, int gtCount, double[] ious, double[] dmax) {
        similarity.compute(dts, dtCount, index.gtMembers, gtFrom, gtCount, ious);
        for (int d = 0; d < dtCount; d++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int gi = 0; gi < gtCount; gi++) {
                double v = ious[d * gtCount + gi];
                max = v > max ? v : v <= max ? max : v + max; // Math.max, NaN included, without C1's call
            }
            dmax[d] = max;
        }
    }

    /**
     * Matches the detections of one image to its ground truths for area range {@code a} and every IoU
     * threshold; sets detection d's bit (at merged-order place {@code buf.at[d]}) in row
     * {@code a * thresholds + t} of {@code tp} or {@code ignored}, or neither for a false positive. A detection
     * whose best IoU over all ground truths is below a threshold cannot match at that threshold, so its
     * scan is skipped.
     *
     * @return the number of ground truths that are not ignored for this area range
     */
    private int matchImage(int a, int[] dts, int dtCount, int gtFrom, int gtCount, double[] ious,
            MatchBuffers buf, long[] tp, long[] ignored, int words) {
        double lo = p.areaLo(a);
        double hi = p.areaHi(a);
        double[] gtArea = COLUMNS.areas(gt);
        boolean[] crowd = COLUMNS.crowd(gt);
        boolean[] ignoreField = COLUMNS.ignore(gt);
        long[] annIds = COLUMNS.annotationIds(gt);
        int[] order = buf.order(gtCount);
        boolean[] ignoredAt = buf.ignoredAt;
        boolean[] crowdAt = buf.crowdAt;
        boolean[] countsAt = buf.countsAt;
        boolean[] taken = buf.taken;
        boolean[] ignoredGt = buf.ignoredGt;
        int notIgnored = 0;
        for (int gi = 0; gi < gtCount; gi++) {
            int row = index.gtMembers[gtFrom + gi];
            ignoredGt[gi] = crowd[row] || (honourIgnore && ignoreField[row]) || gtArea[row] < lo || gtArea[row] > hi
                    || (numKeypoints != null && numKeypoints[row] == 0);
            if (!ignoredGt[gi]) {
                notIgnored++;
            }
        }
        // stable partition: ground truths that count first, ignored ones after, each in input order
        int nextCounted = 0;
        int nextIgnored = notIgnored;
        for (int gi = 0; gi < gtCount; gi++) {
            int row = index.gtMembers[gtFrom + gi];
            int o = ignoredGt[gi] ? nextIgnored++ : nextCounted++;
            order[o] = gi;
            ignoredAt[o] = ignoredGt[gi];
            crowdAt[o] = crowd[row];
            // compat: a ground truth with annotation id 0 is stored as "matched to 0", i.e. unmatched
            countsAt[o] = !compat || annIds[row] != 0;
        }
        double[] dmax = buf.dmax;
        boolean[] dtOutside = buf.dtOutside;
        double[] dtArea = buf.area;
        for (int d = 0; d < dtCount; d++) {
            double area = dtArea[d];
            // "outside" decides the fate of an unmatched detection: LVIS also ignores it by its category
            dtOutside[d] = area < lo || area > hi || (ignoreUnmatched != null && ignoreUnmatched[dts[d]]);
        }
        int[] at = buf.at;
        for (int t = 0; t < p.iouCount(); t++) {
            Arrays.fill(taken, 0, gtCount, false);
            double threshold = Math.min(p.iouThr(t), 1 - 1e-10);
            int rowBase = (a * p.iouCount() + t) * words;
            for (int d = 0; d < dtCount; d++) {
                int m = -1;
                if (dmax[d] >= threshold) {
                    double best = threshold;
                    int row = d * gtCount;
                    for (int o = 0; o < gtCount; o++) {
                        if (taken[o] && !crowdAt[o]) {
                            continue;
                        }
                        if (m > -1 && !ignoredAt[m] && ignoredAt[o]) {
                            break;
                        }
                        double iou = ious[row + order[o]];
                        if (iou < best) {
                            continue;
                        }
                        best = iou;
                        m = o;
                    }
                }
                byte result;
                if (m == -1) {
                    result = dtOutside[d] ? IGNORED : FP;
                } else {
                    taken[m] = true;
                    if (ignoredAt[m]) {
                        result = IGNORED;
                    } else if (countsAt[m]) {
                        result = TP;
                    } else {
                        result = dtOutside[d] ? IGNORED : FP;
                    }
                }
                if (result != FP) {
                    long[] bits = result == TP ? tp : ignored;
                    bits[rowBase + (at[d] >>> 6)] |= 1L << at[d];
                }
            }
        }
        return notIgnored;
    }

    /** Scratch arrays reused across the images of one category. */
    private static final class MatchBuffers {
        private int[] dts = new int[16];
        /** Merged-order place and area of each detection of the current image. */
        private int[] at = new int[16];
        private double[] area = new double[16];
        private double[] ious = new double[64];
        private int[] order = new int[16];
        boolean[] ignoredGt = new boolean[16];
        boolean[] ignoredAt = new boolean[16];
        boolean[] crowdAt = new boolean[16];
        boolean[] countsAt = new boolean[16];
        boolean[] taken = new boolean[16];
        double[] dmax = new double[16];
        boolean[] dtOutside = new boolean[16];

        int[] dts(int n) {
            if (dts.length < n) {
                dts = new int[Math.max(n, dts.length * 2)];
            }
            return dts;
        }

        int[] at(int n) {
            if (at.length < n) {
                at = new int[Math.max(n, at.length * 2)];
                area = new double[at.length];
            }
            return at;
        }

        /** Room for a {@code d} × {@code g} IoU matrix and per-detection maxima. */
        double[] ious(int d, int g) {
            int n = d * g;
            if (ious.length < n) {
                ious = new double[Math.max(n, ious.length * 2)];
            }
            if (dmax.length < d) {
                dmax = new double[Math.max(d, dmax.length * 2)];
                dtOutside = new boolean[dmax.length];
            }
            return ious;
        }

        int[] order(int n) {
            if (order.length < n) {
                int cap = Math.max(n, order.length * 2);
                order = new int[cap];
                ignoredGt = new boolean[cap];
                ignoredAt = new boolean[cap];
                crowdAt = new boolean[cap];
                countsAt = new boolean[cap];
                taken = new boolean[cap];
            }
            return order;
        }
    }
}
