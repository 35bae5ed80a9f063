package dev.deteval.eval.coco;

import dev.deteval.eval.internal.NumpyMath;
import java.util.Arrays;
import java.util.Objects;

/**
 * Parameters of a COCO evaluation, named as in pycocotools' {@code Params}. Immutable.
 *
 * <p>Dimensions of the result tables: T = {@code iouThrs.length} IoU thresholds, R =
 * {@code recThrs.length} recall thresholds, K categories (1 when {@code useCats} is false), A =
 * {@code areaRng.length} area ranges, M = {@code maxDets.length} detection limits per image.
 *
 * <p>Defaults (pycocotools): iouThrs {@code linspace(.5, .95, 10)}; recThrs {@code linspace(0, 1, 101)};
 * maxDets {@code [1, 10, 100]}; areaRng all {@code [0, 1e10]}, small {@code [0, 32²]}, medium
 * {@code [32², 96²]}, large {@code [96², 1e10]} in pixels², inclusive at both ends; useCats true; all
 * images and all categories. In {@link CocoMode#CORRECTED} mode the default thresholds are the exact
 * decimals 0.50, 0.55, …, 0.95 and 0.00, 0.01, …, 1.00 instead of numpy's linspace values.
 */
public final class CocoParams {

    private static final double[][] DEFAULT_AREA_RNG = {{0, 1e10}, {0, 32 * 32}, {32 * 32, 96 * 96}, {96 * 96, 1e10}};
    private static final String[] DEFAULT_AREA_LBL = {"all", "small", "medium", "large"};
    private static final double[][] KEYPOINT_AREA_RNG = {{0, 1e10}, {32 * 32, 96 * 96}, {96 * 96, 1e10}};
    private static final String[] KEYPOINT_AREA_LBL = {"all", "medium", "large"};
    private static final double[] COCO_SIGMAS_TIMES_10 = {
        .26, .25, .25, .35, .35, .79, .79, .72, .72, .62, .62, 1.07, 1.07, .87, .87, .89, .89};

    private final CocoMode mode;
    private final IouType iouType;
    private final double[] kptOksSigmas;
    private final double[] iouThrs;
    private final double[] recThrs;
    private final int[] maxDets;
    private final double[][] areaRng;
    private final String[] areaRngLbl;
    private final boolean useCats;
    private final long[] imgIds;
    private final long[] catIds;

    private CocoParams(Builder b) {
        mode = b.mode;
        iouType = b.iouType;
        boolean kps = iouType == IouType.KEYPOINTS;
        kptOksSigmas = b.kptOksSigmas != null ? b.kptOksSigmas.clone() : cocoSigmas();
        iouThrs = b.iouThrs != null ? b.iouThrs.clone() : defaultIouThrs(mode);
        recThrs = b.recThrs != null ? b.recThrs.clone() : defaultRecThrs(mode);
        maxDets = b.maxDets != null ? b.maxDets.clone() : (kps ? new int[] {20} : new int[] {1, 10, 100});
        Arrays.sort(maxDets);
        areaRng = b.areaRng != null ? deepCopy(b.areaRng) : deepCopy(kps ? KEYPOINT_AREA_RNG : DEFAULT_AREA_RNG);
        areaRngLbl = b.areaRngLbl != null ? b.areaRngLbl.clone() : (kps ? KEYPOINT_AREA_LBL : DEFAULT_AREA_LBL).clone();
        useCats = b.useCats;
        imgIds = b.imgIds == null ? null : Arrays.stream(b.imgIds).sorted().distinct().toArray();
        catIds = b.catIds == null ? null : Arrays.stream(b.catIds).sorted().distinct().toArray();
    }

    /** pycocotools' defaults in compat mode. */
    /** The most IoU thresholds ({@code iouThrs}) accepted: a step of 0.001 from 0 to 1 fits. */
    public static final int MAX_IOU_THRESHOLDS = 1001;
    /** The most recall thresholds ({@code recThrs}) accepted: a step of 0.0001 from 0 to 1 fits. */
    public static final int MAX_RECALL_THRESHOLDS = 10_001;
    /** The most entries of {@code maxDets} and of {@code areaRng}. */
    public static final int MAX_LIST_ENTRIES = 100;
    /** The most keypoints ({@code kpt_oks_sigmas}). */
    public static final int MAX_KEYPOINTS = 1000;

    public static CocoParams defaults() {
        return builder(CocoMode.COMPAT).build();
    }

    /** A builder starting from the defaults of {@code mode}. */
    public static Builder builder(CocoMode mode) {
        return new Builder(Objects.requireNonNull(mode, "mode"));
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder(mode);
        b.iouType = iouType;
        b.kptOksSigmas = kptOksSigmas.clone();
        b.iouThrs = iouThrs.clone();
        b.recThrs = recThrs.clone();
        b.maxDets = maxDets.clone();
        b.areaRng = deepCopy(areaRng);
        b.areaRngLbl = areaRngLbl.clone();
        b.useCats = useCats;
        b.imgIds = imgIds == null ? null : imgIds.clone();
        b.catIds = catIds == null ? null : catIds.clone();
        return b;
    }

    /** COCO's 17 person keypoint sigmas, each written as pycocotools computes it ({@code s / 10.0}). */
    static double[] cocoSigmas() {
        double[] s = new double[COCO_SIGMAS_TIMES_10.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = COCO_SIGMAS_TIMES_10[i] / 10.0;
        }
        return s;
    }

    static double[] defaultIouThrs(CocoMode mode) {
        if (mode == CocoMode.COMPAT) {
            return NumpyMath.linspace(0.5, 0.95, 10);
        }
        double[] t = new double[10];
        for (int k = 0; k < 10; k++) {
            t[k] = (50 + 5 * k) / 100.0;
        }
        return t;
    }

    static double[] defaultRecThrs(CocoMode mode) {
        if (mode == CocoMode.COMPAT) {
            return NumpyMath.linspace(0.0, 1.0, 101);
        }
        double[] r = new double[101];
        for (int k = 0; k <= 100; k++) {
            r[k] = k / 100.0;
        }
        return r;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** The evaluation mode. */
    public CocoMode mode() {
        return mode;
    }

    /** What is compared: boxes, masks or keypoints. */
    public IouType iouType() {
        return iouType;
    }

    /**
     * Per-keypoint OKS sigmas (a copy), one per keypoint; used only for {@link IouType#KEYPOINTS}.
     * Defaults to COCO's 17 person sigmas.
     */
    public double[] kptOksSigmas() {
        return kptOksSigmas.clone();
    }

    /** IoU thresholds, length T (a copy). */
    public double[] iouThrs() {
        return iouThrs.clone();
    }

    /** Recall thresholds, length R, ascending (a copy). */
    public double[] recThrs() {
        return recThrs.clone();
    }

    /** Detections kept per image and category, ascending, length M (a copy). */
    public int[] maxDets() {
        return maxDets.clone();
    }

    /** Area ranges {@code [lo, hi]} in pixels², inclusive, length A (a copy). */
    public double[][] areaRng() {
        return deepCopy(areaRng);
    }

    /** Labels of the area ranges, length A (a copy). */
    public String[] areaRngLbl() {
        return areaRngLbl.clone();
    }

    /** Whether categories are evaluated separately (true) or pooled (false). */
    public boolean useCats() {
        return useCats;
    }

    /** Selected image ids, ascending, or null for every image of the ground truth. */
    public long[] imgIds() {
        return imgIds == null ? null : imgIds.clone();
    }

    /** Selected category ids, ascending, or null for every category of the ground truth. */
    public long[] catIds() {
        return catIds == null ? null : catIds.clone();
    }

    int iouCount() {
        return iouThrs.length;
    }

    double iouThr(int t) {
        return iouThrs[t];
    }

    int recCount() {
        return recThrs.length;
    }

    double recThr(int r) {
        return recThrs[r];
    }

    int maxDetCount() {
        return maxDets.length;
    }

    int maxDet(int m) {
        return maxDets[m];
    }

    int areaCount() {
        return areaRng.length;
    }

    double areaLo(int a) {
        return areaRng[a][0];
    }

    double areaHi(int a) {
        return areaRng[a][1];
    }

    String areaLabel(int a) {
        return areaRngLbl[a];
    }

    /**
     * Sets parameters; unset ones keep the defaults of the mode. {@link #build()} checks them and
     * says which one is wrong.
     */
    public static final class Builder {
        private final CocoMode mode;
        private IouType iouType = IouType.BBOX;
        private double[] kptOksSigmas;
        private double[] iouThrs;
        private double[] recThrs;
        private int[] maxDets;
        private double[][] areaRng;
        private String[] areaRngLbl;
        private boolean useCats = true;
        private long[] imgIds;
        private long[] catIds;

        private Builder(CocoMode mode) {
            this.mode = mode;
        }

        /**
         * What to compare (default {@link IouType#BBOX}). {@link IouType#KEYPOINTS} changes the defaults
         * of maxDets to [20] and of the area ranges to all/medium/large, unless they are set explicitly.
         */
        public Builder optIouType(IouType value) {
            this.iouType = Objects.requireNonNull(value, "iouType");
            return this;
        }

        /** Per-keypoint OKS sigmas, positive and finite, one per keypoint (keypoints only). */
        public Builder optKptOksSigmas(double... values) {
            this.kptOksSigmas = values.clone();
            return this;
        }

        /** IoU thresholds in [0, 1]; a threshold of 1 acts as 1 - 1e-10, as in pycocotools. */
        public Builder optIouThrs(double... values) {
            this.iouThrs = values.clone();
            return this;
        }

        /** Recall thresholds in [0, 1], ascending. */
        public Builder optRecThrs(double... values) {
            this.recThrs = values.clone();
            return this;
        }

        /** Detection limits per image and category (sorted by the builder). */
        public Builder optMaxDets(int... values) {
            this.maxDets = values.clone();
            return this;
        }

        /**
         * Area ranges and their labels; summaries look up the labels {@code all}, {@code small},
         * {@code medium} and {@code large}.
         *
         * @param ranges {@code [lo, hi]} pairs in pixels²
         * @param labels one label per range
         */
        public Builder optAreaRanges(double[][] ranges, String... labels) {
            this.areaRng = deepCopy(ranges);
            this.areaRngLbl = labels.clone();
            return this;
        }

        /** Evaluate categories separately (true, default) or pool them per image (false). */
        public Builder optUseCats(boolean value) {
            this.useCats = value;
            return this;
        }

        /** Restrict the evaluation to these image ids (null for all). */
        public Builder optImgIds(long... ids) {
            this.imgIds = ids == null ? null : ids.clone();
            return this;
        }

        /** Restrict the evaluation to these category ids (null for all). */
        public Builder optCatIds(long... ids) {
            this.catIds = ids == null ? null : ids.clone();
            return this;
        }

        /**
         * Checks and builds the parameters.
         *
         * @throws IllegalArgumentException naming the offending parameter
         */
        public CocoParams build() {
            requireAtMost("iouThrs", iouThrs == null ? 0 : iouThrs.length, MAX_IOU_THRESHOLDS);
            requireAtMost("recThrs", recThrs == null ? 0 : recThrs.length, MAX_RECALL_THRESHOLDS);
            requireAtMost("maxDets", maxDets == null ? 0 : maxDets.length, MAX_LIST_ENTRIES);
            requireAtMost("areaRng", areaRng == null ? 0 : areaRng.length, MAX_LIST_ENTRIES);
            requireAtMost("kpt_oks_sigmas", kptOksSigmas == null ? 0 : kptOksSigmas.length, MAX_KEYPOINTS);
            if (kptOksSigmas != null) {
                require(kptOksSigmas.length > 0, "kpt_oks_sigmas must not be empty");
                for (double v : kptOksSigmas) {
                    require(v > 0 && Double.isFinite(v), "kpt_oks_sigmas values must be positive, got " + v);
                }
            }
            if (iouThrs != null) {
                require(iouThrs.length > 0, "iouThrs must not be empty");
                for (double t : iouThrs) {
                    require(t >= 0 && t <= 1, "iouThrs values must be in [0, 1], got " + t);
                }
            }
            if (recThrs != null) {
                require(recThrs.length > 0, "recThrs must not be empty");
                for (int i = 0; i < recThrs.length; i++) {
                    require(recThrs[i] >= 0 && recThrs[i] <= 1, "recThrs values must be in [0, 1], got " + recThrs[i]);
                    require(i == 0 || recThrs[i] >= recThrs[i - 1], "recThrs must be ascending");
                }
            }
            if (maxDets != null) {
                require(maxDets.length > 0, "maxDets must not be empty");
                for (int m : maxDets) {
                    require(m > 0, "maxDets values must be positive, got " + m);
                }
            }
            if (areaRng != null) {
                require(areaRng.length > 0, "areaRng must not be empty");
                require(areaRngLbl != null && areaRngLbl.length == areaRng.length,
                        "areaRngLbl must have one label per areaRng entry");
                for (double[] r : areaRng) {
                    require(r.length == 2, "each areaRng entry must be [lo, hi]");
                    require(!Double.isNaN(r[0]) && !Double.isNaN(r[1]) && r[0] <= r[1],
                            "each areaRng entry must have lo <= hi, got [" + r[0] + ", " + r[1] + "]");
                }
            }
            return new CocoParams(this);
        }

        private static void requireAtMost(String name, int count, int limit) {
            require(count <= limit, name + " has " + count + " values, more than the limit of " + limit);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
