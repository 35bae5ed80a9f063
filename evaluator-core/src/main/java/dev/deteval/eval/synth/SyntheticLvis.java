package dev.deteval.eval.synth;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.deteval.eval.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Writes a deterministic data set of LVIS v1 val's shape, for benchmarks: {@code instances.json} (LVIS
 * ground truth) and {@code detections.json} (box results). The same image count and seed give the same
 * bytes.
 *
 * <p>Shape: 1,203 categories (ids 1–1203; 405 frequent, 461 common, 337 rare, as in LVIS v1); Poisson(12.4)
 * objects per image (LVIS v1 val: about 244,700 annotations on 19,809 images), 90 % of them of a frequent
 * category, 9 % common, 1 % rare; per image 4–12 negative categories (not present) and, for a third of the
 * images, one present category marked not exhaustive. Detections: 300 per image, and 320 on every tenth
 * image so that the cap cuts: jittered copies of the objects (score growing with the overlap), copies with
 * a wrong category, and background boxes of random categories (most of them neither present nor negative
 * in the image, so the federated rule drops them) with low scores.
 */
public final class SyntheticLvis {

    /** Categories of LVIS v1 by frequency group: frequent, common, rare. */
    static final int FREQUENT = 405;
    static final int COMMON = 461;
    static final int RARE = 337;
    static final int CATEGORIES = FREQUENT + COMMON + RARE;
    private static final double MEAN_OBJECTS = 12.4;
    private static final int DETECTIONS = 300;
    private static final int OVER_CAP = 20;

    /** The most images one data set may have (6 billion detections would not fit the counts). */
    public static final int MAX_IMAGES = 1_000_000;

    private final int images;
    private final long seed;

    /**
     * @param images number of images, 1 to {@value #MAX_IMAGES}
     * @param seed random seed
     */
    public SyntheticLvis(int images, long seed) {
        if (images < 1 || images > MAX_IMAGES) {
            throw new IllegalArgumentException("--images must be between 1 and " + MAX_IMAGES + " with --lvis, got "
                    + images);
        }
        this.images = images;
        this.seed = seed;
    }

    /**
     * Writes both files into {@code dir} (created if needed), each moved into place only when both are
     * complete ({@link AtomicFile}).
     */
    public SyntheticCoco.Written write(Path dir) {
        return SyntheticCoco.writePair(dir, this::write);
    }

    /** The frequency letter of category id {@code c} (1-based). */
    static String frequency(int c) {
        return c <= FREQUENT ? "f" : c <= FREQUENT + COMMON ? "c" : "r";
    }

    private static int category(SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.90) {
            return 1 + random.nextInt(FREQUENT);
        }
        return u < 0.99 ? 1 + FREQUENT + random.nextInt(COMMON) : 1 + FREQUENT + COMMON + random.nextInt(RARE);
    }

    private SyntheticCoco.Written write(JsonGenerator gt, JsonGenerator dt) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] objectCats = new int[images][];
        double[][] objectBoxes = new double[images][];
        SyntheticCoco.startGroundTruth(gt, "deteval synthetic LVIS-like data", images, seed);
        gt.writeArrayFieldStart("images");
        for (int i = 0; i < images; i++) {
            int n = SyntheticCoco.poisson(random, MEAN_OBJECTS);
            objectCats[i] = new int[n];
            objectBoxes[i] = new double[4 * n];
            for (int a = 0; a < n; a++) {
                objectCats[i][a] = category(random);
                double w = 8 + random.nextDouble() * 200;
                double h = 8 + random.nextDouble() * 200;
                objectBoxes[i][4 * a] = SyntheticCoco.round(random.nextDouble() * (640 - w), 2);
                objectBoxes[i][4 * a + 1] = SyntheticCoco.round(random.nextDouble() * (480 - h), 2);
                objectBoxes[i][4 * a + 2] = SyntheticCoco.round(w, 2);
                objectBoxes[i][4 * a + 3] = SyntheticCoco.round(h, 2);
            }
            int[] present = Arrays.stream(objectCats[i]).distinct().sorted().toArray();
            gt.writeStartObject();
            gt.writeNumberField("id", SyntheticCoco.imageId(i));
            gt.writeNumberField("width", 640);
            gt.writeNumberField("height", 480);
            gt.writeArrayFieldStart("neg_category_ids");
            int negatives = 4 + random.nextInt(9);
            for (int j = 0; j < negatives; j++) {
                int c = category(random);
                if (Arrays.binarySearch(present, c) < 0) {
                    gt.writeNumber(c);
                }
            }
            gt.writeEndArray();
            gt.writeArrayFieldStart("not_exhaustive_category_ids");
            if (present.length > 0 && random.nextInt(3) == 0) {
                gt.writeNumber(present[random.nextInt(present.length)]);
            }
            gt.writeEndArray();
            gt.writeEndObject();
        }
        gt.writeEndArray();
        gt.writeArrayFieldStart("categories");
        for (int c = 1; c <= CATEGORIES; c++) {
            gt.writeStartObject();
            gt.writeNumberField("id", c);
            gt.writeStringField("name", "category_" + c);
            gt.writeStringField("frequency", frequency(c));
            gt.writeEndObject();
        }
        gt.writeEndArray();
        gt.writeArrayFieldStart("annotations");
        dt.writeStartArray();
        int annotations = 0;
        int detections = 0;
        double[] box = new double[4];
        for (int i = 0; i < images; i++) {
            long imageId = SyntheticCoco.imageId(i);
            int n = objectCats[i].length;
            for (int a = 0; a < n; a++) {
                gt.writeStartObject();
                gt.writeNumberField("id", ++annotations);
                gt.writeNumberField("image_id", imageId);
                gt.writeNumberField("category_id", objectCats[i][a]);
                writeBox(gt, objectBoxes[i], 4 * a);
                gt.writeNumberField("area", SyntheticCoco.round(objectBoxes[i][4 * a + 2] * objectBoxes[i][4 * a + 3]
                        * 0.8, 2));
                gt.writeEndObject();
            }
            int count = DETECTIONS + (i % 10 == 0 ? OVER_CAP : 0);
            for (int d = 0; d < count; d++) {
                int category;
                double score;
                if (n > 0 && d < 3 * n) {
                    int a = d % n;
                    double jitter = 0.02 + 0.3 * random.nextDouble() * (d / n + 1) / 3;
                    for (int k = 0; k < 4; k++) {
                        double size = objectBoxes[i][4 * a + 2 + (k % 2)];
                        box[k] = objectBoxes[i][4 * a + k] + (k < 2 ? 1 : 0.5) * jitter * size * random.nextGaussian();
                    }
                    box[2] = Math.max(1, box[2]);
                    box[3] = Math.max(1, box[3]);
                    category = random.nextInt(10) == 0 ? category(random) : objectCats[i][a];
                    score = Math.max(0.01, Math.min(0.99, 0.95 - jitter + 0.05 * random.nextGaussian()));
                } else {
                    box[2] = 4 + random.nextDouble() * 150;
                    box[3] = 4 + random.nextDouble() * 150;
                    box[0] = random.nextDouble() * (640 - box[2]);
                    box[1] = random.nextDouble() * (480 - box[3]);
                    category = category(random);
                    score = 0.3 * random.nextDouble();
                }
                dt.writeStartObject();
                dt.writeNumberField("image_id", imageId);
                dt.writeNumberField("category_id", category);
                for (int k = 0; k < 4; k++) {
                    box[k] = SyntheticCoco.round(box[k], 2);
                }
                writeBox(dt, box, 0);
                dt.writeNumberField("score", SyntheticCoco.round(score, 5));
                dt.writeEndObject();
                detections++;
            }
        }
        gt.writeEndArray();
        gt.writeEndObject();
        dt.writeEndArray();
        return new SyntheticCoco.Written(images, annotations, detections);
    }

    private static void writeBox(JsonGenerator g, double[] boxes, int from) throws IOException {
        g.writeArrayFieldStart("bbox");
        for (int c = 0; c < 4; c++) {
            g.writeNumber(boxes[from + c]);
        }
        g.writeEndArray();
    }
}
