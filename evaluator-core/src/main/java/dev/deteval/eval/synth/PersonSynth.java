package dev.deteval.eval.synth;

import java.util.SplittableRandom;

/**
 * One synthetic person for {@link SyntheticKeypoints}, redrawn in place: box, area, crowd flag and its 17
 * keypoints (true place, labelled whole-pixel place and visibility), and jittered detections of them.
 */
final class PersonSynth {

    /** A standing person facing the camera: x, y of each keypoint as a fraction of the box. */
    private static final double[] POSE = {0.5, 0.08, 0.56, 0.06, 0.44, 0.06, 0.62, 0.09, 0.38, 0.09, 0.72, 0.22,
        0.28, 0.22, 0.8, 0.38, 0.2, 0.38, 0.82, 0.52, 0.18, 0.52, 0.63, 0.55, 0.37, 0.55, 0.63, 0.75, 0.37, 0.75,
        0.63, 0.94, 0.37, 0.94};
    private static final int KEYPOINTS = SyntheticKeypoints.KEYPOINTS;
    private static final double SMALL = 32 * 32;
    private static final double MEDIUM = 96 * 96;

    double x;
    double y;
    double w;
    double h;
    double area;
    boolean crowd;
    /** True keypoint places, continuous pixels, x y pairs. */
    final double[] exact = new double[2 * KEYPOINTS];
    /** The labelled places: whole pixels inside the box. */
    final int[] pixel = new int[2 * KEYPOINTS];
    final int[] visibility = new int[KEYPOINTS];

    void draw(SplittableRandom random, int width, int height) {
        crowd = random.nextDouble() < 0.01;
        double boxArea = crowd ? logUniform(random, MEDIUM, width * height * 0.6)
                : drawArea(random, width * height * 0.6);
        // people are taller than wide
        double aspect = logUniform(random, 0.25, 1.1);
        w = Math.max(2, Math.min(width - 1, Math.sqrt(boxArea * aspect)));
        h = Math.max(2, Math.min(height - 1, boxArea / w));
        x = random.nextDouble() * (width - w);
        y = random.nextDouble() * (height - h);
        area = w * h * (0.45 + 0.2 * random.nextDouble());
        // most small people, and every crowd region, have no labelled keypoint
        double none = crowd ? 1 : boxArea < SMALL ? 0.8 : boxArea < MEDIUM ? 0.3 : 0.08;
        boolean unlabelled = random.nextDouble() < none;
        double labelRate = 0.55 + 0.45 * random.nextDouble();
        for (int j = 0; j < KEYPOINTS; j++) {
            double fx = clamp(POSE[2 * j] + 0.08 * (random.nextDouble() * 2 - 1));
            double fy = clamp(POSE[2 * j + 1] + 0.05 * (random.nextDouble() * 2 - 1));
            exact[2 * j] = x + fx * w;
            exact[2 * j + 1] = y + fy * h;
            pixel[2 * j] = (int) Math.min(Math.floor(x + w), Math.max(Math.ceil(x), Math.round(exact[2 * j])));
            pixel[2 * j + 1] = (int) Math.min(Math.floor(y + h), Math.max(Math.ceil(y), Math.round(exact[2 * j + 1])));
            boolean labelled = !unlabelled && random.nextDouble() < labelRate;
            visibility[j] = !labelled ? 0 : random.nextDouble() < 0.2 ? 1 : 2;
        }
    }

    /**
     * Detected places of the keypoints into {@code out} (x y pairs): the true place plus an error of up to
     * {@code 2 % + 25 % × (1 − quality)} of the box's size.
     */
    void jitter(SplittableRandom random, double quality, double[] out) {
        double spread = (0.02 + 0.25 * (1 - quality)) * Math.sqrt(w * h);
        for (int j = 0; j < KEYPOINTS; j++) {
            out[2 * j] = Math.max(0, exact[2 * j] + spread * triangular(random));
            out[2 * j + 1] = Math.max(0, exact[2 * j + 1] + spread * triangular(random));
        }
    }

    private static double triangular(SplittableRandom random) {
        return random.nextDouble() + random.nextDouble() - 1;
    }

    private static double clamp(double f) {
        return Math.max(0.02, Math.min(0.98, f));
    }

    private static double drawArea(SplittableRandom random, double maxArea) {
        double u = random.nextDouble();
        if (u < 0.41) {
            return logUniform(random, 64, SMALL);
        }
        if (u < 0.75) {
            return logUniform(random, SMALL, MEDIUM);
        }
        return logUniform(random, MEDIUM, Math.max(MEDIUM * 1.5, maxArea));
    }

    private static double logUniform(SplittableRandom random, double lo, double hi) {
        return Math.exp(Math.log(lo) + random.nextDouble() * (Math.log(hi) - Math.log(lo)));
    }
}
