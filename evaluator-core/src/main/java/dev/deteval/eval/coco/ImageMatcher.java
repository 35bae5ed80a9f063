package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.internal.ColumnAccess;
import dev.deteval.eval.internal.SharedColumns;
import dev.deteval.eval.internal.StableSort;
import java.util.Arrays;

/**
 * COCO's matching seen image by image, for the analyses that need to know which ground truth a detection
 * took and how it overlaps ground truths of other classes (error breakdown, per-image counts).
 *
 * <p>{@link #load} prepares one image: its detections of evaluated categories, grouped by class, each
 * class in descending score order (stable) and cut to {@link #MAX_DETS}; its ground truths of evaluated
 * categories grouped by class (input order within a class); and the similarity of every detection with
 * every ground truth. {@link #match} then runs COCO's greedy matching ({@link CategoryEvaluation}'s rules
 * at area "all", {@code [0, 1e10]}) at one threshold, class by class. Across classes the similarity is
 * box or mask IoU; for keypoints (OKS compares keypoints of one kind) it is 0 across classes.
 *
 * <p>With {@code useCats} false every category is one class, as in the evaluation. Not thread-safe: one
 * instance walks the images in turn and reuses its arrays.
 */
final class ImageMatcher {

    /** Reads each image a pass over the images loads, beside the pass's own work; one per thread. */
    interface Visitor {
        /** Reads the loaded image of {@code m} (before it is matched; its arrays are only read). */
        void visit(ImageMatcher m);
    }

    /** The maxDets of the analyses: per image and class. */
    static final int MAX_DETS = 100;

    static final byte FP = 0;
    static final byte TP = 1;
    static final byte IGNORED = 2;

    private static final ColumnAccess COLUMNS = SharedColumns.access();
    private static final double AREA_HI = 1e10;

    private final GroundTruth gt;
    private final Detections dt;
    private final CocoParams params;
    private final GroupIndex index;
    private final long[] categoryIds;
    /** The position of a category id in {@link #categoryIds}. */
    private final IdIndex classes;
    private final boolean useCats;
    private final boolean compat;
    private final boolean sameClassOnly;
    private final Similarity similarity;
    private final double[] scores;
    private final double[] dtAreas;
    private final long[] dtCats;
    private final long[] gtCats;
    private final boolean[] crowd;
    private final boolean[] ignoreField;
    private final double[] gtAreas;
    private final long[] annIds;
    private final int[] numKeypoints;

    // the loaded image
    int image = -1;
    /** Detections: count, rows, class index, rank within class, score. */
    int dtCount;
    int[] dtRows = new int[16];
    int[] dtClass = new int[16];
    int[] dtRank = new int[16];
    double[] dtScore = new double[16];
    /** Ground truths: count, rows, class index, whether COCO ignores them at area "all". */
    int gtCount;
    int[] gtRows = new int[16];
    int[] gtClass = new int[16];
    boolean[] gtIgnored = new boolean[16];
    /** The highest score among the detections the cut to {@link #MAX_DETS} per class left out; -inf when none. */
    double droppedScore;
    /** Similarity, row-major {@code [dtCount][gtCount]}. */
    double[] iou = new double[64];
    /** After {@link #match}: outcome and taken ground truth (-1 when none) per detection; taken flags. */
    byte[] state = new byte[16];
    int[] matched = new int[16];
    boolean[] taken = new boolean[16];

    private final int[] classStart;
    private final int[] gtClassStart;
    private int[] order = new int[16];
    private int[] scratch = new int[16];
    private double[] block = new double[64];

    /**
     * A matcher over {@code gt} and {@code dt}.
     *
     * @param crossClass whether the similarity across classes is needed (else it is left 0)
     */
    ImageMatcher(GroundTruth gt, Detections dt, CocoParams params, boolean crossClass) {
        this(gt, dt, params, GroupIndex.withoutUnknownCount(gt, dt, params.toBuilder().optUseCats(false).build()),
                crossClass);
    }

    private ImageMatcher(GroundTruth gt, Detections dt, CocoParams params, GroupIndex index, boolean crossClass) {
        this.gt = gt;
        this.dt = dt;
        this.params = params;
        this.index = index;
        this.categoryIds = index.categoryIds;
        this.classes = new IdIndex(categoryIds);
        this.useCats = params.useCats();
        this.compat = params.mode() == CocoMode.COMPAT;
        this.sameClassOnly = !crossClass || params.iouType() == IouType.KEYPOINTS;
        this.similarity = Similarity.of(params.iouType(), gt, dt, params);
        this.scores = COLUMNS.scores(dt);
        this.dtAreas = COLUMNS.areas(dt);
        this.dtCats = COLUMNS.categoryIds(dt);
        this.gtCats = COLUMNS.categoryIds(gt);
        this.crowd = COLUMNS.crowd(gt);
        this.ignoreField = COLUMNS.ignore(gt);
        this.gtAreas = COLUMNS.areas(gt);
        this.annIds = COLUMNS.annotationIds(gt);
        this.numKeypoints = params.iouType() == IouType.KEYPOINTS ? COLUMNS.numKeypoints(gt) : null;
        int classes = classCount();
        this.classStart = new int[classes + 1];
        this.gtClassStart = new int[classes + 1];
    }

    /** A matcher over the same inputs and index with its own buffers, for another thread. */
    ImageMatcher copy() {
        return new ImageMatcher(gt, dt, params, index, !sameClassOnly);
    }

    /** The index of images, ground truths and detections (categories pooled) the matcher walks. */
    GroupIndex index() {
        return index;
    }

    /** The evaluated images, in the evaluation's order. */
    int imageCount() {
        return index.imageCount();
    }

    /** The detections of every image, before the cut to {@link #MAX_DETS} per class. */
    int detectionCount() {
        return index.dtMembers.length;
    }

    /** The image id of image {@code i}. */
    long imageId(int i) {
        return index.imageIds[i];
    }

    /**
     * Whether {@link #iou} holds the similarity of every detection with every ground truth of the image,
     * across classes too, and classes are the evaluated categories (not pooled).
     */
    boolean crossClassByCategory() {
        return !sameClassOnly && useCats;
    }

    /** The classes: the evaluated categories, or 1 when categories are pooled. */
    int classCount() {
        return useCats ? categoryIds.length : 1;
    }

    /** The evaluated category ids, ascending. */
    long[] categoryIds() {
        return categoryIds.clone();
    }

    /** The first detection of class {@code c} in the loaded image; detections of c end at {@code c + 1}'s. */
    int classStart(int c) {
        return classStart[c];
    }

    /** Loads image {@code i}. */
    void load(int i) {
        image = i;
        loadGroundTruths(i);
        loadDetections(i);
        int cells = dtCount * gtCount;
        if (iou.length < cells) {
            iou = new double[Math.max(cells, iou.length * 2)];
        }
        if (cells == 0) {
            return;
        }
        if (sameClassOnly) {
            Arrays.fill(iou, 0, cells, 0.0);
            for (int c = 0; c < classCount(); c++) {
                int d0 = classStart[c];
                int dn = classStart[c + 1] - d0;
                int g0 = gtClassStart[c];
                int gn = gtClassStart[c + 1] - g0;
                if (dn == 0 || gn == 0) {
                    continue;
                }
                if (block.length < dn * gn) {
                    block = new double[Math.max(dn * gn, block.length * 2)];
                }
                System.arraycopy(dtRows, d0, order, 0, dn);
                similarity.compute(order, dn, gtRows, g0, gn, block);
                for (int d = 0; d < dn; d++) {
                    System.arraycopy(block, d * gn, iou, (d0 + d) * gtCount + g0, gn);
                }
            }
        } else {
            similarity.compute(dtRows, dtCount, gtRows, 0, gtCount, iou);
        }
    }

    private void loadGroundTruths(int i) {
        int from = index.gtStart[i];
        gtCount = index.gtStart[i + 1] - from;
        if (gtRows.length < gtCount) {
            int cap = Math.max(gtCount, gtRows.length * 2);
            gtRows = new int[cap];
            gtClass = new int[cap];
            gtIgnored = new boolean[cap];
            taken = new boolean[cap];
        }
        Arrays.fill(gtClassStart, 0);
        for (int g = 0; g < gtCount; g++) {
            int row = index.gtMembers[from + g];
            gtRows[g] = row;
            gtClass[g] = classOf(gtCats[row]);
            gtIgnored[g] = crowd[row] || (!compat && ignoreField[row]) || gtAreas[row] < 0 || gtAreas[row] > AREA_HI
                    || (numKeypoints != null && numKeypoints[row] == 0);
            gtClassStart[gtClass[g] + 1]++;
        }
        for (int c = 0; c < classCount(); c++) {
            gtClassStart[c + 1] += gtClassStart[c];
        }
    }

    private void loadDetections(int i) {
        int from = index.dtStart[i];
        int all = index.dtStart[i + 1] - from;
        if (order.length < all) {
            order = new int[Math.max(all, order.length * 2)];
        }
        // the index holds an image's members by ascending category, so each class is one run
        dtCount = 0;
        droppedScore = Double.NEGATIVE_INFINITY;
        Arrays.fill(classStart, 0);
        int start = 0;
        while (start < all) {
            long category = dtCats[index.dtMembers[from + start]];
            int c = classOf(category);
            int end = start + 1;
            while (end < all && (!useCats || dtCats[index.dtMembers[from + end]] == category)) {
                end++;
            }
            int n = end - start;
            System.arraycopy(index.dtMembers, from + start, order, 0, n);
            StableSort.descending(order, 0, n, scores);
            int kept = Math.min(MAX_DETS, n);
            for (int d = kept; d < n; d++) {
                if (scores[order[d]] > droppedScore) {
                    droppedScore = scores[order[d]];
                }
            }
            ensureDetections(dtCount + kept);
            for (int d = 0; d < kept; d++) {
                dtRows[dtCount] = order[d];
                dtClass[dtCount] = c;
                dtRank[dtCount] = d;
                dtScore[dtCount] = scores[order[d]];
                dtCount++;
            }
            classStart[c + 1] = kept;
            start = end;
        }
        for (int c = 0; c < classCount(); c++) {
            classStart[c + 1] += classStart[c];
        }
    }

    private void ensureDetections(int n) {
        if (dtRows.length < n) {
            int cap = Math.max(n, dtRows.length * 2);
            dtRows = Arrays.copyOf(dtRows, cap);
            dtClass = Arrays.copyOf(dtClass, cap);
            dtRank = Arrays.copyOf(dtRank, cap);
            dtScore = Arrays.copyOf(dtScore, cap);
            state = new byte[cap];
            matched = new int[cap];
        }
    }

    private int classOf(long categoryId) {
        return useCats ? classes.of(categoryId) : 0;
    }

    /** The number of ground truths of class {@code c} in the loaded image that COCO does not ignore. */
    int countedGroundTruths(int c) {
        int n = 0;
        for (int g = gtClassStart[c]; g < gtClassStart[c + 1]; g++) {
            n += gtIgnored[g] ? 0 : 1;
        }
        return n;
    }

    /**
     * COCO's matching of the loaded image at {@code threshold}: fills {@link #state}, {@link #matched} and
     * {@link #taken}. Per class, detections in score order take the best-similarity ground truth at or
     * above {@code min(threshold, 1 - 1e-10)}, ground truths that count before ignored ones, a taken one
     * skipped unless crowd, the scan stopping at the first ignored one once a counted one is held, the later
     * one winning a tie; a match to an ignored ground truth is ignored, and in compat mode a match to a
     * ground truth with annotation id 0 is a false positive.
     */
    void match(double threshold) {
        double t = Math.min(threshold, 1 - 1e-10);
        Arrays.fill(taken, 0, gtCount, false);
        for (int c = 0; c < classCount(); c++) {
            if (classStart[c] == classStart[c + 1]) {
                continue; // no detection of this class: nothing to match
            }
            int g0 = gtClassStart[c];
            int gn = gtClassStart[c + 1] - g0;
            if (scratch.length < gn) {
                scratch = new int[Math.max(gn, scratch.length * 2)];
            }
            int next = 0;
            for (int g = g0; g < g0 + gn; g++) {
                if (!gtIgnored[g]) {
                    scratch[next++] = g;
                }
            }
            for (int g = g0; g < g0 + gn; g++) {
                if (gtIgnored[g]) {
                    scratch[next++] = g;
                }
            }
            for (int d = classStart[c]; d < classStart[c + 1]; d++) {
                matchOne(d, gn, t);
            }
        }
    }

    private void matchOne(int d, int gn, double t) {
        int m = -1;
        double best = t;
        int row = d * gtCount;
        for (int o = 0; o < gn; o++) {
            int g = scratch[o];
            if (taken[g] && !crowd[gtRows[g]]) {
                continue;
            }
            if (m > -1 && !gtIgnored[m] && gtIgnored[g]) {
                break;
            }
            double v = iou[row + g];
            if (v < best) {
                continue;
            }
            best = v;
            m = g;
        }
        double area = dtAreas[dtRows[d]];
        boolean outside = area < 0 || area > AREA_HI;
        matched[d] = m;
        if (m == -1) {
            state[d] = outside ? IGNORED : FP;
            return;
        }
        taken[m] = true;
        if (gtIgnored[m]) {
            state[d] = IGNORED;
        } else if (!compat || annIds[gtRows[m]] != 0) {
            state[d] = TP;
        } else {
            state[d] = outside ? IGNORED : FP;
        }
    }
}
