package dev.deteval.eval.coco;

import dev.deteval.eval.data.Category;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.internal.ColumnAccess;
import dev.deteval.eval.internal.SharedColumns;
import dev.deteval.eval.internal.StableSort;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * A confusion matrix of object detection (not to be confused with {@link dev.deteval.eval.metric.ConfusionMatrix},
 * which counts classification labels): rows are the true class of a ground truth, columns the class a
 * detection predicted, and both have a last "background" entry.
 *
 * <p><b>What takes part.</b> Per image, the detections whose score is at least the confidence threshold
 * and whose category is evaluated, in descending score order (stable: ties keep input order). The ground
 * truths that count are those COCO does not ignore at area "all": not crowd, not {@code ignore} in
 * corrected mode, and for keypoints with at least one labelled keypoint. Similarity is the evaluation's
 * (box IoU, mask IoU or OKS; against a crowd region, the part of the detection inside it).
 *
 * <p><b>Assignment.</b> Each detection, in score order, takes the not yet taken ground truth that counts
 * with the highest similarity at or above the IoU threshold (on equal similarity the later ground truth,
 * as in COCO):
 * <ul>
 *   <li>{@link Matching#CLASS_AWARE}: first among the ground truths of its own class (COCO's matching,
 *       whose matches are the diagonal); a detection that finds none there but overlaps an ignored ground
 *       truth of its class by at least the threshold is ignored (COCO ignores it) and counted nowhere; the
 *       remaining detections then, in score order, take remaining ground truths of other classes the same
 *       way (the off-diagonal cells).</li>
 *   <li>{@link Matching#CLASS_AGNOSTIC}: one pass over ground truths of every class; a detection that
 *       finds none but overlaps an ignored ground truth of any class is ignored.</li>
 * </ul>
 * A matched pair adds 1 to cell (ground-truth class, detected class). A detection left unmatched adds 1
 * to (background, detected class); a ground truth left untaken adds 1 to (its class, background). So the
 * row of a class sums to its number of ground truths that count, and the background row to the number of
 * unmatched detections; cell (background, background) is always 0. Unlike COCO's evaluation there is no
 * maxDets cut: every detection above the confidence takes part.
 */
public final class DetectionConfusionMatrix {

    /** How detections are paired with ground truths of other classes. */
    public enum Matching {
        /** COCO's per-class matching first, then leftovers across classes. */
        CLASS_AWARE,
        /** One matching that ignores classes. */
        CLASS_AGNOSTIC
    }

    private static final ColumnAccess COLUMNS = SharedColumns.access();

    private final long[] categoryIds;
    private final String[] names;
    private final long[][] counts;
    private final double iou;
    private final double confidence;
    private final Matching matching;

    private DetectionConfusionMatrix(long[] categoryIds, String[] names, long[][] counts, double iou,
            double confidence, Matching matching) {
        this.categoryIds = categoryIds;
        this.names = names;
        this.counts = counts;
        this.iou = iou;
        this.confidence = confidence;
        this.matching = matching;
    }

    /**
     * Builds the matrix.
     *
     * @param params the mode, IoU type and image/category filters (area ranges, maxDets and IoU thresholds
     *     are not used)
     * @param iou the similarity threshold of a match, in [0, 1]
     * @param confidence the score a detection needs to take part
     * @throws java.util.concurrent.CancellationException when the calling thread is interrupted while the images
     *     are walked (the interrupt stays set): a caller that no longer needs the matrix stops it so
     */
    public static DetectionConfusionMatrix compute(GroundTruth gt, Detections dt, CocoParams params, double iou,
            double confidence, Matching matching) {
        checkIou(iou);
        CocoParams pooled = pooled(params);
        GroupIndex index = GroupIndex.build(gt, dt, pooled);
        Assigner assigner = new Assigner(gt, dt, pooled, index.categoryIds, iou, confidence, matching);
        for (int i = 0; i < index.imageCount(); i++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("the confusion matrix was cancelled (thread interrupted)");
            }
            assigner.image(index, i);
        }
        return of(gt, index.categoryIds, assigner.counts, iou, confidence, matching);
    }

    static void checkIou(double iou) {
        if (!(iou >= 0 && iou <= 1)) {
            throw new IllegalArgumentException("IoU threshold must be in [0, 1], got " + iou);
        }
    }

    private static CocoParams pooled(CocoParams params) {
        return params.toBuilder().optUseCats(false).build();
    }

    private static DetectionConfusionMatrix of(GroundTruth gt, long[] ids, long[][] counts, double iou,
            double confidence, Matching matching) {
        String[] names = new String[ids.length];
        for (int k = 0; k < ids.length; k++) {
            Category c = gt.category(ids[k]);
            names[k] = c == null ? "" : c.name();
        }
        return new DetectionConfusionMatrix(ids.clone(), names, counts, iou, confidence, matching);
    }

    /**
     * The matrix built beside another pass over the images ({@link ErrorTally#of(ImageMatcher, double[],
     * double, int, java.util.function.IntFunction)}), from the images that pass loads: their detections,
     * ground truths and similarities across classes are read instead of computed again, and what the
     * assignment needs of each image is kept so that the matrix can be built afterwards at any confidence
     * ({@link #result}). The result is the one {@link #compute} gives. The pass's matcher must hold
     * similarities across classes with the evaluated categories as classes ({@link
     * ImageMatcher#crossClassByCategory()}); an image whose cut to {@link ImageMatcher#MAX_DETS} per class left
     * out a detection that takes part at the confidence asked for is assigned on its own.
     *
     * <p>What is kept per image: its ground truths' rows; the detections that reach the IoU threshold with
     * some ground truth, in the order the assignment takes them (descending score, ties by class, then input
     * order), with their class, score and row of similarities; and the class and score of the others. A
     * detection that reaches the threshold with no ground truth can take nothing and is ignored by nothing: at
     * any confidence it only adds to (background, its class), so its class and score suffice.
     */
    static final class Beside {
        private final GroundTruth gt;
        private final Detections dt;
        private final CocoParams pooled;
        private final double iou;
        private final Matching matching;
        private final Recorder[] runs;

        /** See {@link #compute} for the parameters; {@code runs}: the most runs the pass makes. */
        Beside(GroundTruth gt, Detections dt, CocoParams params, double iou, Matching matching, int runs) {
            checkIou(iou);
            this.gt = gt;
            this.dt = dt;
            this.pooled = pooled(params);
            this.iou = iou;
            this.matching = matching;
            this.runs = new Recorder[runs];
        }

        /** The visitor of run {@code run} of the pass (each run is walked by one thread). */
        ImageMatcher.Visitor visitor(int run) {
            return m -> {
                if (runs[run] == null) {
                    runs[run] = new Recorder(m.index(), Math.min(iou, 1 - 1e-10), runs.length);
                }
                runs[run].visit(m);
            };
        }

        /**
         * The matrix over {@code ids} (the pass's categories) at {@code confidence}, once the pass is over; may
         * be called more than once, from any thread (it only reads what the pass kept).
         */
        DetectionConfusionMatrix result(long[] ids, double confidence) {
            Assigner assigner = new Assigner(gt, dt, pooled, ids, iou, confidence, matching);
            for (Recorder r : runs) {
                if (r != null) {
                    r.assign(assigner);
                }
            }
            return of(gt, ids, assigner.counts, iou, confidence, matching);
        }
    }

    /**
     * What one run of the pass keeps of each image it loads (see {@link Beside}), in flat arrays that grow:
     * per image its first entry in the per-ground-truth, per-detection and per-similarity arrays.
     */
    private static final class Recorder {
        private final GroupIndex index;
        private final double threshold;
        // per image: index, highest score the cut left out, first ground truth, near and far detection, similarity
        private int images;
        private int[] image = new int[64];
        private double[] dropped = new double[64];
        private int[] gtFrom = new int[65];
        private int[] nearFrom = new int[65];
        private int[] farFrom = new int[65];
        // per ground truth: its row
        private int[] gtRows = new int[256];
        // the detections that reach the threshold with some ground truth, in assignment order: class, score, and
        // their similarities ([near][gtCount] per image)
        private int[] nearClass = new int[256];
        private double[] nearScore = new double[256];
        private double[] ious;
        private int cells;
        // the others, in no particular order: class, score
        private int[] farClass;
        private double[] farScore;
        private int[] order = new int[16];

        /**
         * A recorder for one of {@code runs} runs over the images of {@code index}. The arrays that grow with
         * the detections start at the run's share of them, which the far detections usually take most of and
         * the similarity rows of the near ones (about one in ten, times a few ground truths) usually fit.
         */
        Recorder(GroupIndex index, double threshold, int runs) {
            this.index = index;
            this.threshold = threshold;
            int share = index.dtMembers.length / runs + 1024;
            farClass = new int[share];
            farScore = new double[share];
            ious = new double[share];
        }

        /** Keeps what the assignment needs of the image {@code m} has loaded. */
        void visit(ImageMatcher m) {
            if (image.length == images) {
                int cap = images * 2;
                image = Arrays.copyOf(image, cap);
                dropped = Arrays.copyOf(dropped, cap);
                gtFrom = Arrays.copyOf(gtFrom, cap + 1);
                nearFrom = Arrays.copyOf(nearFrom, cap + 1);
                farFrom = Arrays.copyOf(farFrom, cap + 1);
            }
            int g0 = gtFrom[images];
            int gtCount = m.gtCount;
            int n = m.dtCount;
            if (gtRows.length < g0 + gtCount) {
                gtRows = Arrays.copyOf(gtRows, Math.max(g0 + gtCount, gtRows.length * 2));
            }
            System.arraycopy(m.gtRows, 0, gtRows, g0, gtCount);
            if (order.length < n) {
                order = new int[Math.max(n, order.length * 2)];
            }
            int near = 0;
            int far = farFrom[images];
            if (farClass.length < far + n) {
                int cap = Math.max(far + n, farClass.length * 2);
                farClass = Arrays.copyOf(farClass, cap);
                farScore = Arrays.copyOf(farScore, cap);
            }
            for (int d = 0; d < n; d++) {
                int row = d * gtCount;
                boolean reaches = false;
                for (int g = 0; g < gtCount && !reaches; g++) {
                    reaches = m.iou[row + g] >= threshold;
                }
                if (reaches) {
                    order[near++] = d;
                } else {
                    farClass[far] = m.dtClass[d];
                    farScore[far++] = m.dtScore[d];
                }
            }
            // the matcher's detections run by class, each by descending score (ties in input order); a stable
            // sort by score puts ties by class, then input order: the order of the pooled index's members
            StableSort.descending(order, 0, near, m.dtScore);
            int n0 = nearFrom[images];
            if (nearClass.length < n0 + near) {
                int cap = Math.max(n0 + near, nearClass.length * 2);
                nearClass = Arrays.copyOf(nearClass, cap);
                nearScore = Arrays.copyOf(nearScore, cap);
            }
            int cells = this.cells;
            if (ious.length < cells + near * gtCount) {
                ious = Arrays.copyOf(ious, Math.max(cells + near * gtCount, ious.length * 2));
            }
            for (int j = 0; j < near; j++) {
                int d = order[j];
                nearClass[n0 + j] = m.dtClass[d];
                nearScore[n0 + j] = m.dtScore[d];
                System.arraycopy(m.iou, d * gtCount, ious, cells + j * gtCount, gtCount);
            }
            image[images] = m.image;
            dropped[images] = m.droppedScore;
            this.cells = cells + near * gtCount;
            images++;
            gtFrom[images] = g0 + gtCount;
            nearFrom[images] = n0 + near;
            farFrom[images] = far;
        }

        /** Assigns every kept image with {@code a} (at its confidence), adding to its counts. */
        void assign(Assigner a) {
            int bg = a.ids.length;
            int cell = 0;
            for (int k = 0; k < images; k++) {
                int gtCount = gtFrom[k + 1] - gtFrom[k];
                int from = nearFrom[k];
                int nearCount = nearFrom[k + 1] - from;
                int cells = cell;
                cell += nearCount * gtCount;
                if (dropped[k] >= a.confidence) {
                    a.image(index, image[k]);
                    continue;
                }
                for (int d = farFrom[k]; d < farFrom[k + 1]; d++) {
                    if (farScore[d] >= a.confidence) {
                        a.counts[bg][farClass[d]]++;
                    }
                }
                int[] cls = a.classScratch(nearCount);
                double[] rows = a.similarityScratch(nearCount * gtCount);
                int n = 0;
                for (int j = 0; j < nearCount; j++) {
                    if (nearScore[from + j] >= a.confidence) {
                        cls[n] = nearClass[from + j];
                        System.arraycopy(ious, cells + j * gtCount, rows, n * gtCount, gtCount);
                        n++;
                    }
                }
                a.assign(n, cls, gtCount, gtRows, gtFrom[k], rows);
            }
        }
    }

    /** The category id of each row and column but the last (background), ascending. */
    public long[] categoryIds() {
        return categoryIds.clone();
    }

    /** The category name of each row and column but the last (empty when the ground truth has none). */
    public List<String> categoryNames() {
        return List.of(names);
    }

    /** Rows and columns: one per category and one for background. */
    public int size() {
        return counts.length;
    }

    /** The index of the background row and column. */
    public int background() {
        return counts.length - 1;
    }

    /** The number of (ground truth of row class, detection of column class) pairs. */
    public long count(int row, int column) {
        return counts[row][column];
    }

    /** The counts, a copy: {@code [size][size]}. */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** The sum of row {@code row}. */
    public long rowSum(int row) {
        return Arrays.stream(counts[row]).sum();
    }

    /** Each row divided by its sum; a row whose sum is 0 stays all 0. */
    public double[][] rowNormalized() {
        double[][] out = new double[counts.length][counts.length];
        for (int r = 0; r < counts.length; r++) {
            long sum = rowSum(r);
            for (int c = 0; sum > 0 && c < counts.length; c++) {
                out[r][c] = (double) counts[r][c] / sum;
            }
        }
        return out;
    }

    /** The IoU threshold used. */
    public double iou() {
        return iou;
    }

    /** The confidence threshold used. */
    public double confidence() {
        return confidence;
    }

    /** The matching used. */
    public Matching matching() {
        return matching;
    }

    /** The per-image assignment, adding to its own counts. */
    private static final class Assigner {
        private final GroundTruth gt;
        private final Detections dt;
        private final CocoParams params;
        private final long[] ids;
        private final IdIndex positions;
        private final double threshold;
        private final double confidence;
        private final Matching matching;
        private final long[][] counts;
        private final boolean compat;
        private final boolean keypoints;
        private final double[] scores;
        private final long[] dtCats;
        private final long[] gtCats;
        private final boolean[] crowd;
        private final boolean[] ignoreField;
        private final int[] numKeypoints;
        private Similarity similarity;
        // per-image scratch, grown as needed (an assigner is used by one thread)
        private int[] classScratch = new int[16];
        private double[] similarityScratch = new double[64];
        private int[] gtClass = new int[16];
        private boolean[] ignoredGt = new boolean[16];
        private boolean[] taken = new boolean[16];
        private int[] match = new int[16];
        private boolean[] dropped = new boolean[16];

        Assigner(GroundTruth gt, Detections dt, CocoParams p, long[] ids, double iou, double confidence,
                Matching matching) {
            this.gt = gt;
            this.dt = dt;
            this.params = p;
            this.ids = ids;
            this.positions = new IdIndex(ids);
            this.threshold = Math.min(iou, 1 - 1e-10);
            this.confidence = confidence;
            this.matching = matching;
            this.counts = new long[ids.length + 1][ids.length + 1];
            this.compat = p.mode() == CocoMode.COMPAT;
            this.keypoints = p.iouType() == IouType.KEYPOINTS;
            this.scores = COLUMNS.scores(dt);
            this.dtCats = COLUMNS.categoryIds(dt);
            this.gtCats = COLUMNS.categoryIds(gt);
            this.crowd = COLUMNS.crowd(gt);
            this.ignoreField = COLUMNS.ignore(gt);
            this.numKeypoints = keypoints ? COLUMNS.numKeypoints(gt) : null;
        }

        /** Assigns image {@code i} of {@code index}, computing its similarities. */
        void image(GroupIndex index, int i) {
            int gtFrom = index.gtStart[i];
            int gtCount = index.gtStart[i + 1] - gtFrom;
            int[] dts = candidates(index, i);
            int n = dts.length;
            int[] dtClass = new int[n];
            for (int d = 0; d < n; d++) {
                dtClass[d] = Arrays.binarySearch(ids, dtCats[dts[d]]);
            }
            double[] ious = new double[n * gtCount];
            if (n > 0 && gtCount > 0) {
                if (similarity == null) {
                    similarity = Similarity.of(params.iouType(), gt, dt, params);
                }
                similarity.compute(dts, n, index.gtMembers, gtFrom, gtCount, ious);
            }
            assign(n, dtClass, gtCount, index.gtMembers, gtFrom, ious);
        }

        /**
         * Assigns {@code n} detections (by descending score, of classes {@code dtClass}) to the ground truths
         * {@code gtRows[gtFrom .. gtFrom + gtCount)} with similarities {@code ious} ({@code [n][gtCount]}).
         */
        private void assign(int n, int[] dtClass, int gtCount, int[] gtRows, int gtFrom, double[] ious) {
            if (gtClass.length < gtCount) {
                int cap = Math.max(gtCount, gtClass.length * 2);
                gtClass = new int[cap];
                ignoredGt = new boolean[cap];
                taken = new boolean[cap];
            }
            if (match.length < n) {
                int cap = Math.max(n, match.length * 2);
                match = new int[cap];
                dropped = new boolean[cap];
            }
            int[] gtClass = this.gtClass;
            boolean[] ignoredGt = this.ignoredGt;
            boolean[] taken = this.taken;
            int[] match = this.match;
            boolean[] dropped = this.dropped;
            Arrays.fill(taken, 0, gtCount, false);
            Arrays.fill(dropped, 0, n, false);
            for (int g = 0; g < gtCount; g++) {
                int row = gtRows[gtFrom + g];
                gtClass[g] = positions.of(gtCats[row]);
                ignoredGt[g] = gtClass[g] < 0 || crowd[row] || (!compat && ignoreField[row])
                        || (numKeypoints != null && numKeypoints[row] == 0);
            }
            Arrays.fill(match, 0, n, -1);
            boolean aware = matching == Matching.CLASS_AWARE;
            for (int d = 0; d < n; d++) {
                match[d] = best(d, gtCount, ious, taken, ignoredGt, gtClass, aware ? dtClass[d] : -1, false);
                if (match[d] >= 0) {
                    taken[match[d]] = true;
                } else {
                    dropped[d] = overlapsIgnored(d, gtCount, ious, ignoredGt, gtClass, aware ? dtClass[d] : -1);
                }
            }
            if (aware) {
                for (int d = 0; d < n; d++) {
                    if (match[d] < 0 && !dropped[d]) {
                        match[d] = best(d, gtCount, ious, taken, ignoredGt, gtClass, dtClass[d], true);
                        if (match[d] >= 0) {
                            taken[match[d]] = true;
                        }
                    }
                }
            }
            int bg = ids.length;
            for (int d = 0; d < n; d++) {
                if (match[d] >= 0) {
                    counts[gtClass[match[d]]][dtClass[d]]++;
                } else if (!dropped[d]) {
                    counts[bg][dtClass[d]]++;
                }
            }
            for (int g = 0; g < gtCount; g++) {
                if (!ignoredGt[g] && !taken[g]) {
                    counts[gtClass[g]][bg]++;
                }
            }
        }

        /** Scratch for {@code n} detection classes, kept by this assigner (its content is not kept). */
        int[] classScratch(int n) {
            if (classScratch.length < n) {
                classScratch = new int[Math.max(n, classScratch.length * 2)];
            }
            return classScratch;
        }

        /** Scratch for {@code n} similarities, kept by this assigner (its content is not kept). */
        double[] similarityScratch(int n) {
            if (similarityScratch.length < n) {
                similarityScratch = new double[Math.max(n, similarityScratch.length * 2)];
            }
            return similarityScratch;
        }

        /** The image's detections of evaluated categories with score >= confidence, by descending score. */
        private int[] candidates(GroupIndex index, int i) {
            int from = index.dtStart[i];
            int all = index.dtStart[i + 1] - from;
            int[] rows = Arrays.copyOfRange(index.dtMembers, from, from + all);
            StableSort.descending(rows, scores);
            int n = 0;
            for (int row : rows) {
                if (scores[row] >= confidence && Arrays.binarySearch(ids, dtCats[row]) >= 0) {
                    rows[n++] = row;
                }
            }
            return Arrays.copyOf(rows, n);
        }

        /**
         * The untaken ground truth that counts with the highest similarity >= threshold (the later on a
         * tie); of class {@code cls} only, of any class when {@code cls} is -1, or of any other class when
         * {@code otherClasses}. -1 when none.
         */
        private int best(int d, int gtCount, double[] ious, boolean[] taken, boolean[] ignoredGt, int[] gtClass,
                int cls, boolean otherClasses) {
            int m = -1;
            double best = threshold;
            for (int g = 0; g < gtCount; g++) {
                if (taken[g] || ignoredGt[g]) {
                    continue;
                }
                if (cls >= 0 && (otherClasses ? gtClass[g] == cls : gtClass[g] != cls)) {
                    continue;
                }
                double v = ious[d * gtCount + g];
                if (v >= best) {
                    best = v;
                    m = g;
                }
            }
            return m;
        }

        /** Whether an ignored ground truth (of class {@code cls}, or any when -1) overlaps by >= threshold. */
        private boolean overlapsIgnored(int d, int gtCount, double[] ious, boolean[] ignoredGt, int[] gtClass,
                int cls) {
            for (int g = 0; g < gtCount; g++) {
                if (ignoredGt[g] && gtClass[g] >= 0 && (cls < 0 || gtClass[g] == cls)
                        && ious[d * gtCount + g] >= threshold) {
                    return true;
                }
            }
            return false;
        }
    }
}
