package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A known generative model of detections, for the statistics tests.
 *
 * <p>Scenes: each image (640 × 480) independently gets Poisson(3) objects of category 1 or 2 (equally
 * likely) with sides uniform in [16, 200) px. Detector: it finds each object with probability
 * {@code recall}; a found object's box is the true box with each edge moved by N(0, {@code jitter} ×
 * side) px, with score 0.3 + 0.7·U. It also reports Poisson(2) false detections per image (random box and
 * category, score 0.8·U). Scores are continuous, so no two detections tie.
 *
 * @param recall probability that an object is detected
 * @param jitter standard deviation of the edge noise, as a fraction of the object's side
 */
record DetectionModel(double recall, double jitter) {

    /** The model used unless a test says otherwise. */
    static final DetectionModel DEFAULT = new DetectionModel(0.75, 0.08);

    /** The objects of each image: rows {@code {category, x, y, w, h}}. */
    record Scene(double[][][] objects) {

        int images() {
            return objects.length;
        }

        /** The ground truth, image i with id i + 1. */
        GroundTruth groundTruth() {
            return groundTruth(ones(images()));
        }

        /**
         * The ground truth with image i present {@code copies[i]} times: first as id i + 1, further copies
         * as ids images + 1, images + 2, … in image order.
         */
        GroundTruth groundTruth(int[] copies) {
            GroundTruth.Builder gt = GroundTruth.builder().addCategory(1, "one").addCategory(2, "two");
            long[] annotation = {1};
            forEachCopy(copies, (i, id) -> {
                gt.addImage(id, 640, 480, id + ".jpg");
                for (double[] o : objects[i]) {
                    gt.addAnnotation(annotation[0]++, id, (long) o[0], o[1], o[2], o[3], o[4], o[3] * o[4], false,
                            false);
                }
            });
            return gt.build();
        }
    }

    /** A detector's output per image: rows {@code {category, x, y, w, h, score}}. */
    record Output(double[][][] rows) {

        Detections detections() {
            return detections(ones(rows.length));
        }

        /** The detections with image i present {@code copies[i]} times, ids as {@link Scene#groundTruth(int[])}. */
        Detections detections(int[] copies) {
            Detections.Builder dt = Detections.builder();
            forEachCopy(copies, (i, id) -> {
                for (double[] d : rows[i]) {
                    dt.add(id, (long) d[0], d[1], d[2], d[3], d[4], d[5]);
                }
            });
            return dt.build();
        }
    }

    private interface CopyAction {
        void accept(int image, long id);
    }

    private static void forEachCopy(int[] copies, CopyAction action) {
        long next = copies.length + 1;
        for (int i = 0; i < copies.length; i++) {
            if (copies[i] > 0) {
                action.accept(i, i + 1);
            }
        }
        for (int i = 0; i < copies.length; i++) {
            for (int c = 1; c < copies[i]; c++) {
                action.accept(i, next++);
            }
        }
    }

    static int[] ones(int n) {
        int[] a = new int[n];
        Arrays.fill(a, 1);
        return a;
    }

    /** Draws {@code images} scenes. */
    static Scene scene(int images, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][][] objects = new double[images][][];
        for (int i = 0; i < images; i++) {
            int n = poisson(random, 3);
            objects[i] = new double[n][];
            for (int o = 0; o < n; o++) {
                double w = 16 + 184 * random.nextDouble();
                double h = 16 + 184 * random.nextDouble();
                objects[i][o] = new double[] {1 + random.nextInt(2), (640 - w) * random.nextDouble(),
                    (480 - h) * random.nextDouble(), w, h};
            }
        }
        return new Scene(objects);
    }

    /** Runs this detector on {@code scene} with its own random draws. */
    Output detect(Scene scene, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][][] out = new double[scene.images()][][];
        for (int i = 0; i < scene.images(); i++) {
            List<double[]> found = new ArrayList<>();
            for (double[] o : scene.objects()[i]) {
                if (random.nextDouble() < recall) {
                    double x0 = o[1] + jitter * o[3] * gauss(random);
                    double y0 = o[2] + jitter * o[4] * gauss(random);
                    double x1 = o[1] + o[3] + jitter * o[3] * gauss(random);
                    double y1 = o[2] + o[4] + jitter * o[4] * gauss(random);
                    found.add(new double[] {o[0], x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0),
                        0.3 + 0.7 * random.nextDouble()});
                }
            }
            int falses = poisson(random, 2);
            for (int f = 0; f < falses; f++) {
                double w = 16 + 184 * random.nextDouble();
                double h = 16 + 184 * random.nextDouble();
                found.add(new double[] {1 + random.nextInt(2), (640 - w) * random.nextDouble(),
                    (480 - h) * random.nextDouble(), w, h, 0.8 * random.nextDouble()});
            }
            out[i] = found.toArray(new double[0][]);
        }
        return new Output(out);
    }

    private static double gauss(SplittableRandom random) {
        // Box-Muller
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
