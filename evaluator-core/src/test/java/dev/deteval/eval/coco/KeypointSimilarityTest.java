package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The OKS path used in evaluations ({@link KeypointSimilarity}: each ground truth prepared once, detections
 * read in place from flat columns) against a plain transcription of pycocotools' {@code computeOks}, pair by
 * pair, on random groups; the two must agree exactly (bit for bit). The groups include ground truths with no
 * labelled keypoint (the enlarged-box branch), crowd regions, zero areas and empty boxes, and detections
 * inside, near and far from the ground truth.
 */
final class KeypointSimilarityTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void compute_randomGroups_equalsComputeOksExactly(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // COCO's 17 sigmas, or a random skeleton of 1 to 20 keypoints (over 8: numpy's 8-way pairwise sum)
        double[] sigmas = seed % 2 == 1 ? CocoParams.cocoSigmas() : randomSigmas(random, 1 + random.nextInt(20));
        int k = sigmas.length;
        int gtCount = 1 + random.nextInt(8);
        int dtCount = 1 + random.nextInt(20);
        GroundTruth.Builder gtb = GroundTruth.builder().addImage(1).addCategory(1, "person");
        double[][] gtKps = new double[gtCount][];
        double[][] gtBox = new double[gtCount][];
        double[] gtArea = new double[gtCount];
        for (int g = 0; g < gtCount; g++) {
            double w = random.nextInt(6) == 0 ? 0 : 1 + random.nextDouble() * 200;
            double h = random.nextInt(6) == 0 ? 0 : 1 + random.nextDouble() * 300;
            gtBox[g] = new double[] {random.nextDouble() * 400, random.nextDouble() * 300, w, h};
            gtArea[g] = random.nextInt(5) == 0 ? 0 : w * h * random.nextDouble();
            boolean crowd = random.nextInt(4) == 0;
            int labelled = 0;
            gtKps[g] = new double[3 * k];
            boolean none = random.nextInt(3) == 0; // the "no labelled keypoint" branch
            for (int i = 0; i < k; i++) {
                int v = none ? 0 : random.nextInt(3);
                gtKps[g][3 * i] = v == 0 ? 0 : gtBox[g][0] + random.nextDouble() * w;
                gtKps[g][3 * i + 1] = v == 0 ? 0 : gtBox[g][1] + random.nextDouble() * h;
                gtKps[g][3 * i + 2] = v;
                labelled += v > 0 ? 1 : 0;
            }
            gtb.addAnnotation(g + 1, 1, 1, gtBox[g][0], gtBox[g][1], w, h, gtArea[g], crowd, false);
            gtb.keypoints(g, gtKps[g], labelled);
        }
        Detections.Builder dtb = Detections.builder();
        double[][] dtKps = new double[dtCount][];
        for (int d = 0; d < dtCount; d++) {
            double[] near = gtBox[random.nextInt(gtCount)];
            double spread = Math.pow(10, random.nextInt(4)); // 1 to 1000 pixels
            dtKps[d] = new double[3 * k];
            for (int i = 0; i < k; i++) {
                dtKps[d][3 * i] = near[0] + near[2] / 2 + spread * (random.nextDouble() * 2 - 1);
                dtKps[d][3 * i + 1] = near[1] + near[3] / 2 + spread * (random.nextDouble() * 2 - 1);
                dtKps[d][3 * i + 2] = random.nextInt(3);
            }
            dtb.add(1, 1, 0, 0, 1, 1, random.nextDouble()).keypoints(dtKps[d]);
        }
        int[] dts = new int[dtCount];
        for (int d = 0; d < dtCount; d++) {
            dts[d] = dtCount - 1 - d; // any order of rows
        }
        int[] gtRows = new int[gtCount + 2];
        for (int g = 0; g < gtCount; g++) {
            gtRows[2 + g] = g; // the group starts at an offset
        }
        double[] out = new double[dtCount * gtCount];

        new KeypointSimilarity(gtb.build(), dtb.build(), sigmas).compute(dts, dtCount, gtRows, 2, gtCount, out);

        for (int d = 0; d < dtCount; d++) {
            for (int g = 0; g < gtCount; g++) {
                double expected = computeOks(sigmas, dtKps[dts[d]], gtKps[g], gtBox[g], gtArea[g]);
                assertThat(out[d * gtCount + g]).as("detection row %d, ground truth %d", dts[d], g)
                        .isEqualTo(expected);
            }
        }
    }

    private static double[] randomSigmas(SplittableRandom random, int k) {
        double[] s = new double[k];
        for (int i = 0; i < k; i++) {
            s[i] = 0.01 + random.nextDouble() * 0.2;
        }
        return s;
    }

    /**
     * pycocotools' {@code computeOks} for one pair, as written there: {@code vars = (sigmas * 2) ** 2};
     * {@code k1 = count_nonzero(vg > 0)}; with {@code k1 > 0} {@code dx = xd - xg}, else the distance to
     * the box {@code [x0, x1] = [x - w, x + 2w]} (and likewise in y); {@code e = (dx**2 + dy**2) / vars /
     * (area + np.spacing(1)) / 2}, kept where {@code vg > 0} when {@code k1 > 0}; the OKS is
     * {@code np.sum(np.exp(-e)) / e.shape[0]}.
     */
    private static double computeOks(double[] sigmas, double[] dt, double[] gt, double[] box, double area) {
        int k = sigmas.length;
        int k1 = 0;
        for (int i = 0; i < k; i++) {
            if (gt[3 * i + 2] > 0) {
                k1++;
            }
        }
        double x0 = box[0] - box[2];
        double x1 = box[0] + box[2] * 2;
        double y0 = box[1] - box[3];
        double y1 = box[1] + box[3] * 2;
        double[] terms = new double[k];
        int n = 0;
        for (int i = 0; i < k; i++) {
            double vars = (sigmas[i] * 2) * (sigmas[i] * 2);
            double xd = dt[3 * i];
            double yd = dt[3 * i + 1];
            double dx;
            double dy;
            if (k1 > 0) {
                dx = xd - gt[3 * i];
                dy = yd - gt[3 * i + 1];
            } else {
                dx = Math.max(0, x0 - xd) + Math.max(0, xd - x1);
                dy = Math.max(0, y0 - yd) + Math.max(0, yd - y1);
            }
            double e = (dx * dx + dy * dy) / vars / (area + Math.ulp(1.0)) / 2;
            if (k1 == 0 || gt[3 * i + 2] > 0) {
                terms[n++] = Math.exp(-e);
            }
        }
        return numpySum(terms, n) / n;
    }

    /**
     * numpy's {@code pairwise_sum} for a contiguous float64 array of at most 128 values, added to 0.0:
     * fewer than 8 values in a row; otherwise eight running sums over blocks of 8, combined as
     * {@code ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))}, then the rest one by one.
     */
    private static double numpySum(double[] a, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[i];
            }
            return 0.0 + res;
        }
        double[] r = new double[8];
        System.arraycopy(a, 0, r, 0, 8);
        int i = 8;
        for (; i < n - n % 8; i += 8) {
            for (int j = 0; j < 8; j++) {
                r[j] += a[i + j];
            }
        }
        double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++) {
            res += a[i];
        }
        return 0.0 + res;
    }
}
