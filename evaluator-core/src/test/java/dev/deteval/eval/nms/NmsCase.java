package dev.deteval.eval.nms;

import dev.deteval.eval.geometry.BoxFormat;
import dev.deteval.eval.geometry.Iou;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A random NMS input for property tests, plus the plain reference IoU. Boxes are drawn from a small pool
 * on a half-pixel grid, so identical boxes, zero-area boxes, equal scores and IoU exactly at the
 * threshold (1/3, 1/2, …) all occur often. Every coordinate is a multiple of 0.5, so the three box formats
 * describe exactly the same boxes.
 *
 * @param xywh {@code double[4n]} as {@code [x, y, w, h]}
 * @param scores {@code double[n]}
 * @param classIds {@code int[n]}
 * @param config the configuration under test
 */
record NmsCase(double[] xywh, double[] scores, int[] classIds, NmsConfig config) {

    int size() {
        return scores.length;
    }

    /** The boxes in the configured format. */
    double[] boxes() {
        double[] out = new double[xywh.length];
        for (int k = 0; k < xywh.length; k += 4) {
            double x = xywh[k];
            double y = xywh[k + 1];
            double w = xywh[k + 2];
            double h = xywh[k + 3];
            double[] v = switch (config.boxFormat()) {
                case XYXY -> new double[] {x, y, x + w, y + h};
                case XYWH -> new double[] {x, y, w, h};
                case CXCYWH -> new double[] {x + w / 2, y + h / 2, w, h};
            };
            System.arraycopy(v, 0, out, k, 4);
        }
        return out;
    }

    /** Plain IoU of boxes {@code i} and {@code j}: intersection over union, 0 when they do not overlap. */
    double iou(int i, int j) {
        double ax1 = xywh[4 * i];
        double ay1 = xywh[4 * i + 1];
        double ax2 = ax1 + xywh[4 * i + 2];
        double ay2 = ay1 + xywh[4 * i + 3];
        double bx1 = xywh[4 * j];
        double by1 = xywh[4 * j + 1];
        double bx2 = bx1 + xywh[4 * j + 2];
        double by2 = by1 + xywh[4 * j + 3];
        double iw = Math.min(ax2, bx2) - Math.max(ax1, bx1);
        double ih = Math.min(ay2, by2) - Math.max(ay1, by1);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        double union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter;
        double iou = inter / union;
        // cross-check against pycocotools' arithmetic, which NMS promises for xywh input
        if (iou != Iou.xywh(xywh[4 * i], xywh[4 * i + 1], xywh[4 * i + 2], xywh[4 * i + 3], xywh[4 * j],
                xywh[4 * j + 1], xywh[4 * j + 2], xywh[4 * j + 3], false)) {
            throw new AssertionError("reference IoU differs from Iou.xywh for boxes " + i + " and " + j);
        }
        return iou;
    }

    boolean sameClass(int i, int j) {
        return config.classAgnostic() || classIds[i] == classIds[j];
    }

    /** Input positions passing the score threshold, by score descending then position, cut to top-k. */
    List<Integer> ranked() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            if (scores[i] >= config.scoreThreshold()) {
                order.add(i);
            }
        }
        order.sort((a, b) -> scores[a] > scores[b] ? -1 : scores[a] < scores[b] ? 1 : Integer.compare(a, b));
        return new ArrayList<>(order.subList(0, Math.min(order.size(), config.topK())));
    }

    @Override
    public String toString() {
        return "NmsCase[xywh=" + Arrays.toString(xywh) + ", scores=" + Arrays.toString(scores) + ", classIds="
                + Arrays.toString(classIds) + ", config=" + config + "]";
    }

    /** Random cases of up to 40 boxes drawn from a pool of up to 12, with the given suppression. */
    static Arbitrary<NmsCase> arbitrary(Suppression suppression) {
        return arbitrary(suppression, 0, 40, 12);
    }

    /** Random cases of {@code minSize..maxSize} boxes drawn from a pool of up to {@code poolSize}. */
    static Arbitrary<NmsCase> arbitrary(Suppression suppression, int minSize, int maxSize, int poolSize) {
        return Arbitraries.integers().between(minSize, maxSize).flatMap(n -> Combinators.combine(
                pool().list().ofMinSize(1).ofMaxSize(poolSize),
                Arbitraries.integers().between(0, poolSize - 1).list().ofSize(n),
                scores(n),
                classIds(n),
                config(suppression)).as((pool, picks, scores, classIds, config) -> {
                    double[] xywh = new double[4 * n];
                    for (int i = 0; i < n; i++) {
                        System.arraycopy(pool.get(picks.get(i) % pool.size()), 0, xywh, 4 * i, 4);
                    }
                    return new NmsCase(xywh, scores, classIds, config);
                }));
    }

    private static Arbitrary<double[]> pool() {
        Arbitrary<Double> corner = Arbitraries.integers().between(0, 12).map(v -> v / 2.0);
        Arbitrary<Double> size = Arbitraries.integers().between(0, 8).map(v -> v / 2.0);
        return Combinators.combine(corner, corner, size, size).as((x, y, w, h) -> new double[] {x, y, w, h});
    }

    private static Arbitrary<double[]> scores(int n) {
        Arbitrary<Double> tied = Arbitraries.of(0.25, 0.5, 0.75, 1.0);
        Arbitrary<Double> any = Arbitraries.doubles().between(0, 1);
        return Arbitraries.oneOf(tied, any).list().ofSize(n)
                .map(list -> list.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static Arbitrary<int[]> classIds(int n) {
        Arbitrary<int[]> dense = Arbitraries.integers().between(0, 2).array(int[].class).ofSize(n);
        Arbitrary<int[]> sparse = Arbitraries.of(-7, 3, 1_000_000_000).array(int[].class).ofSize(n);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, dense), net.jqwik.api.Tuple.of(1, sparse));
    }

    private static Arbitrary<NmsConfig> config(Suppression suppression) {
        Arbitrary<Double> iou = Arbitraries.oneOf(Arbitraries.of(0.0, 1.0 / 3, 0.5, 0.25, 1.0),
                Arbitraries.doubles().between(0, 1));
        Arbitrary<Double> score = Arbitraries.oneOf(Arbitraries.just(Double.NEGATIVE_INFINITY),
                Arbitraries.of(0.25, 0.5), Arbitraries.doubles().between(0, 0.6));
        Arbitrary<Integer> limit = Arbitraries.oneOf(Arbitraries.just(Integer.MAX_VALUE),
                Arbitraries.integers().between(1, 30));
        Arbitrary<Double> sigma = Arbitraries.of(0.1, 0.5, 2.0);
        return Combinators.combine(iou, score, limit, limit, Arbitraries.of(true, false),
                Arbitraries.of(BoxFormat.class), sigma).as((t, s, topK, max, agnostic, format, sg) ->
                        NmsConfig.builder(t).optScoreThreshold(s).optTopK(topK).optMaxDetections(max)
                                .optClassAgnostic(agnostic).optBoxFormat(format).optSuppression(suppression)
                                .optSigma(sg).build());
    }
}
