package dev.deteval.eval.synth;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Generates the objects and detections of one synthetic image into reusable columns. */
final class ImageSynth {

    private static final double SMALL = 32 * 32;
    private static final double MEDIUM = 96 * 96;

    private final SplittableRandom random;
    int objects;
    long[] objectCategory = new long[32];
    double[] objectBox = new double[128];
    double[] objectArea = new double[32];
    boolean[] objectCrowd = new boolean[32];
    int detections;
    long[] detectionCategory = new long[128];
    double[] detectionBox = new double[512];
    double[] detectionScore = new double[128];
    /** The object a detection was copied from, or -1 for a background detection. */
    int[] detectionSource = new int[128];

    ImageSynth(SplittableRandom random) {
        this.random = random;
    }

    void generate(int width, int height, int count, int maxDetections) {
        ensureObjects(count);
        objects = count;
        for (int a = 0; a < count; a++) {
            objectCategory[a] = randomCategory();
            boolean crowd = random.nextDouble() < 0.01;
            objectCrowd[a] = crowd;
            double area = crowd ? logUniform(MEDIUM, width * height * 0.6) : drawArea(width * height * 0.7);
            double aspect = logUniform(1 / 3.0, 3.0);
            double w = Math.min(width - 1, Math.sqrt(area * aspect));
            double h = Math.min(height - 1, area / w);
            double x = random.nextDouble() * (width - w);
            double y = random.nextDouble() * (height - h);
            objectBox[4 * a] = x;
            objectBox[4 * a + 1] = y;
            objectBox[4 * a + 2] = Math.max(1, w);
            objectBox[4 * a + 3] = Math.max(1, h);
            objectArea[a] = w * h * (0.6 + 0.3 * random.nextDouble());
        }
        detections = 0;
        for (int a = 0; a < count && detections < maxDetections; a++) {
            if (objectCrowd[a] || random.nextDouble() > 0.85) {
                continue;
            }
            addJittered(a, objectCategory[a], 1.0, maxDetections);
            if (random.nextDouble() < 0.2) {
                addJittered(a, objectCategory[a], 0.6, maxDetections);
            }
            if (random.nextDouble() < 0.1) {
                addJittered(a, randomCategory(), 0.5, maxDetections);
            }
        }
        int background = Math.min(maxDetections - detections, 60 + random.nextInt(60));
        for (int b = 0; b < background; b++) {
            double w = Math.sqrt(drawArea(width * height * 0.5));
            double h = Math.min(height - 1, w * logUniform(0.5, 2));
            w = Math.min(width - 1, w);
            add(-1, randomCategory(), random.nextDouble() * (width - w), random.nextDouble() * (height - h), w, h,
                    0.3 * Math.pow(random.nextDouble(), 2));
        }
    }

    private void addJittered(int a, long category, double confidence, int maxDetections) {
        if (detections >= maxDetections) {
            return;
        }
        double x = objectBox[4 * a];
        double y = objectBox[4 * a + 1];
        double w = objectBox[4 * a + 2];
        double h = objectBox[4 * a + 3];
        double quality = random.nextDouble();
        double jitter = 0.35 * (1 - quality);
        double nx = x + w * jitter * (random.nextDouble() * 2 - 1);
        double ny = y + h * jitter * (random.nextDouble() * 2 - 1);
        double nw = w * (1 + jitter * (random.nextDouble() * 2 - 1));
        double nh = h * (1 + jitter * (random.nextDouble() * 2 - 1));
        double score = confidence * (0.25 + 0.75 * quality) * (0.8 + 0.2 * random.nextDouble());
        add(a, category, Math.max(0, nx), Math.max(0, ny), Math.max(1, nw), Math.max(1, nh), score);
    }

    private void add(int source, long category, double x, double y, double w, double h, double score) {
        int d = detections++;
        if (d == detectionScore.length) {
            int cap = d * 2;
            detectionCategory = Arrays.copyOf(detectionCategory, cap);
            detectionBox = Arrays.copyOf(detectionBox, 4 * cap);
            detectionScore = Arrays.copyOf(detectionScore, cap);
            detectionSource = Arrays.copyOf(detectionSource, cap);
        }
        detectionSource[d] = source;
        detectionCategory[d] = category;
        detectionBox[4 * d] = x;
        detectionBox[4 * d + 1] = y;
        detectionBox[4 * d + 2] = w;
        detectionBox[4 * d + 3] = h;
        detectionScore[d] = score;
    }

    private double drawArea(double maxArea) {
        double u = random.nextDouble();
        if (u < 0.41) {
            return logUniform(16, SMALL);
        }
        if (u < 0.75) {
            return logUniform(SMALL, MEDIUM);
        }
        return logUniform(MEDIUM, Math.max(MEDIUM * 1.5, maxArea));
    }

    private long randomCategory() {
        if (random.nextDouble() < 0.25) {
            return CocoCategories.IDS[0];
        }
        return CocoCategories.IDS[1 + random.nextInt(CocoCategories.IDS.length - 1)];
    }

    private double logUniform(double lo, double hi) {
        return Math.exp(Math.log(lo) + random.nextDouble() * (Math.log(hi) - Math.log(lo)));
    }

    private void ensureObjects(int count) {
        if (count > objectCategory.length) {
            objectCategory = new long[count];
            objectBox = new double[4 * count];
            objectArea = new double[count];
            objectCrowd = new boolean[count];
        }
    }
}
