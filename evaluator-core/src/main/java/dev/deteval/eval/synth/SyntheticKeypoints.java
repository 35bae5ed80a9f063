package dev.deteval.eval.synth;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.deteval.eval.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a deterministic data set shaped like COCO's person keypoints, for benchmarks:
 * {@code instances.json} (ground truth with {@code keypoints} and {@code num_keypoints}) and
 * {@code detections.json} (keypoint results). The same image count and seed always give the same bytes.
 *
 * <p>Shape: one category, {@code person} (id 1), with COCO's 17 keypoint names and skeleton. Per image
 * Poisson(4.1) people (COCO val2017's person keypoints: about 4 annotations per image that shows people),
 * sized like {@link SyntheticCoco}'s objects; small people mostly have no labelled keypoint, so about 45 %
 * of all annotations have {@code num_keypoints == 0} and about 2.2 people per image have keypoints
 * (COCO val2017: about 2.3 per image that shows people). Keypoints are {@code [x, y, v]} in whole
 * pixels inside the box, with {@code v} 0 (not labelled, written {@code 0, 0, 0} as in COCO), 1 (labelled,
 * hidden) or 2 (visible); {@code num_keypoints} counts {@code v > 0}. About 1 % crowd regions, which have
 * no keypoints. The {@code area} field is 45–65 % of the box (a person's mask area).
 *
 * <p>Results: at most {@value #MAX_DETECTIONS} per image (COCO's keypoint maxDets is 20), each with 17
 * keypoints and a score: jittered copies of most people (the error grows with the person's size and
 * shrinks with the score), some duplicates, and low-scoring false positives; no {@code bbox} (the reader
 * takes the extent of the points, as pycocotools does).
 */
public final class SyntheticKeypoints {

    /** The most images one data set may have (counts stay within {@code int}). */
    public static final int MAX_IMAGES = 10_000_000;

    static final int MAX_DETECTIONS = 20;
    static final double MEAN_PEOPLE = 4.1;
    static final int KEYPOINTS = 17;

    static final String[] NAMES = {"nose", "left_eye", "right_eye", "left_ear", "right_ear", "left_shoulder",
        "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_hip", "right_hip",
        "left_knee", "right_knee", "left_ankle", "right_ankle"};
    /** COCO's skeleton: pairs of 1-based keypoint numbers. */
    static final int[][] SKELETON = {{16, 14}, {14, 12}, {17, 15}, {15, 13}, {12, 13}, {6, 12}, {7, 13}, {6, 7},
        {6, 8}, {7, 9}, {8, 10}, {9, 11}, {2, 3}, {1, 2}, {1, 3}, {2, 4}, {3, 5}, {4, 6}, {5, 7}};

    private final int images;
    private final long seed;

    /**
     * @param images number of images, 1 to {@value #MAX_IMAGES}
     * @param seed random seed
     */
    public SyntheticKeypoints(int images, long seed) {
        if (images < 1 || images > MAX_IMAGES) {
            throw new IllegalArgumentException("--images must be between 1 and " + MAX_IMAGES + ", got " + images);
        }
        this.images = images;
        this.seed = seed;
    }

    /**
     * Writes both files into {@code dir} (created if needed), each moved into place only when both are
     * complete ({@link AtomicFile}).
     *
     * @throws dev.deteval.eval.io.OutputException when the folder cannot be created or a file cannot be written
     */
    public SyntheticCoco.Written write(Path dir) {
        return SyntheticCoco.writePair(dir, this::write);
    }

    private SyntheticCoco.Written write(JsonGenerator gt, JsonGenerator dt) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        SyntheticCoco.startGroundTruth(gt, "deteval synthetic COCO-like person keypoints", images, seed);
        int[][] sizes = SyntheticCoco.writeImages(gt, images, random);
        writeCategory(gt);
        gt.writeArrayFieldStart("annotations");
        dt.writeStartArray();
        PersonSynth person = new PersonSynth();
        double[] detected = new double[2 * KEYPOINTS];
        int annotations = 0;
        int detections = 0;
        for (int i = 0; i < images; i++) {
            int width = sizes[i][0];
            int height = sizes[i][1];
            int people = SyntheticCoco.poisson(random, MEAN_PEOPLE);
            int imageDetections = 0;
            for (int a = 0; a < people; a++) {
                person.draw(random, width, height);
                writeAnnotation(gt, ++annotations, SyntheticCoco.imageId(i), person);
                if (person.crowd || random.nextDouble() > 0.9) {
                    continue;
                }
                double quality = random.nextDouble();
                int copies = random.nextDouble() < 0.15 ? 2 : 1;
                for (int c = 0; c < copies && imageDetections < MAX_DETECTIONS; c++) {
                    double q = c == 0 ? quality : quality * 0.5;
                    person.jitter(random, q, detected);
                    double score = (c == 0 ? 1.0 : 0.6) * (0.3 + 0.7 * q) * (0.8 + 0.2 * random.nextDouble());
                    writeResult(dt, random, SyntheticCoco.imageId(i), detected, score);
                    imageDetections++;
                }
            }
            int background = Math.min(MAX_DETECTIONS - imageDetections, 2 + random.nextInt(8));
            for (int b = 0; b < background; b++) {
                person.draw(random, width, height);
                person.jitter(random, 0.2 * random.nextDouble(), detected);
                writeResult(dt, random, SyntheticCoco.imageId(i), detected, 0.35 * Math.pow(random.nextDouble(), 2));
                imageDetections++;
            }
            detections += imageDetections;
        }
        gt.writeEndArray();
        gt.writeEndObject();
        dt.writeEndArray();
        return new SyntheticCoco.Written(images, annotations, detections);
    }

    private static void writeCategory(JsonGenerator gt) throws IOException {
        gt.writeArrayFieldStart("categories");
        gt.writeStartObject();
        gt.writeStringField("supercategory", "person");
        gt.writeNumberField("id", 1);
        gt.writeStringField("name", "person");
        gt.writeArrayFieldStart("keypoints");
        for (String name : NAMES) {
            gt.writeString(name);
        }
        gt.writeEndArray();
        gt.writeArrayFieldStart("skeleton");
        for (int[] bone : SKELETON) {
            gt.writeArray(bone, 0, 2);
        }
        gt.writeEndArray();
        gt.writeEndObject();
        gt.writeEndArray();
    }

    private static void writeAnnotation(JsonGenerator gt, int id, long imageId, PersonSynth p) throws IOException {
        gt.writeStartObject();
        gt.writeNumberField("id", id);
        gt.writeNumberField("image_id", imageId);
        gt.writeNumberField("category_id", 1);
        gt.writeArrayFieldStart("bbox");
        for (double v : new double[] {p.x, p.y, p.w, p.h}) {
            gt.writeNumber(SyntheticCoco.round(v, 2));
        }
        gt.writeEndArray();
        gt.writeNumberField("area", SyntheticCoco.round(p.area, 2));
        gt.writeNumberField("iscrowd", p.crowd ? 1 : 0);
        gt.writeArrayFieldStart("keypoints");
        int labelled = 0;
        for (int j = 0; j < KEYPOINTS; j++) {
            int v = p.visibility[j];
            gt.writeNumber(v == 0 ? 0 : p.pixel[2 * j]);
            gt.writeNumber(v == 0 ? 0 : p.pixel[2 * j + 1]);
            gt.writeNumber(v);
            labelled += v > 0 ? 1 : 0;
        }
        gt.writeEndArray();
        gt.writeNumberField("num_keypoints", labelled);
        gt.writeEndObject();
    }

    private static void writeResult(JsonGenerator dt, SplittableRandom random, long imageId, double[] xy,
            double score) throws IOException {
        dt.writeStartObject();
        dt.writeNumberField("image_id", imageId);
        dt.writeNumberField("category_id", 1);
        dt.writeArrayFieldStart("keypoints");
        for (int j = 0; j < KEYPOINTS; j++) {
            dt.writeNumber(SyntheticCoco.round(xy[2 * j], 2));
            dt.writeNumber(SyntheticCoco.round(xy[2 * j + 1], 2));
            // a per-keypoint confidence, as many detectors write in place of v (pycocotools ignores it)
            dt.writeNumber(SyntheticCoco.round(0.05 + 0.95 * random.nextDouble(), 3));
        }
        dt.writeEndArray();
        dt.writeNumberField("score", SyntheticCoco.round(score, 5));
        dt.writeEndObject();
    }
}
