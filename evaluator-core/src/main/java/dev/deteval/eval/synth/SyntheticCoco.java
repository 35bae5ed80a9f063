package dev.deteval.eval.synth;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.deteval.eval.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a deterministic COCO-like data set: {@code instances.json} (ground truth) and
 * {@code detections.json} (results) for benchmarks and demos. The same image count and seed always give
 * the same bytes.
 *
 * <p>Shape, chosen to resemble COCO val2017 and a reasonable detector: COCO's 80 category ids (person
 * about a quarter of the objects), Poisson(7.3) objects per image, box areas drawn so that about 41 %
 * are small (&lt; 32²), 34 % medium and 25 % large, about 1 % crowd regions, an {@code area} field a
 * little below w×h (as a mask area is). Per image at most 100 detections: jittered copies of most ground
 * truths whose score grows with their overlap, some duplicates, some copies with a wrong class, and
 * background boxes with low scores.
 *
 * <p>With segmentations ({@link #SyntheticCoco(int, long, boolean)}), every ground truth also gets a
 * {@code segmentation}: a convex polygon inside its box (crowd regions: the same shape as uncompressed RLE,
 * as in COCO) and {@code area} becomes the pixel count of that mask as pycocotools computes it; every result
 * gets a compressed-RLE {@code segmentation} (a jittered copy of its ground truth's polygon, or the mask of
 * its box for background detections) besides its {@code bbox}. Boxes and scores are the same as without
 * segmentations; see {@link MaskSynth}.
 */
public final class SyntheticCoco {

    private static final int[][] IMAGE_SIZES = {{640, 480}, {480, 640}, {640, 427}, {500, 375}, {640, 640}};
    private static final double MEAN_OBJECTS = 7.3;
    private static final int MAX_DETECTIONS = 100;

    /**
     * The most images one data set may have: about 73 million annotations and, at 100 detections per image
     * at most, counts that stay within {@code int}; the files are then some 100 GB together, more than any
     * benchmark here needs. Checked before anything is written.
     */
    public static final int MAX_IMAGES = 10_000_000;

    private final int images;
    private final long seed;
    private final boolean segm;

    /**
     * Boxes only.
     *
     * @param images number of images, 1 to {@value #MAX_IMAGES}
     * @param seed random seed
     */
    public SyntheticCoco(int images, long seed) {
        this(images, seed, false);
    }

    /**
     * @param images number of images, 1 to {@value #MAX_IMAGES}
     * @param seed random seed
     * @param segm true to write segmentations as well (mask areas for ground truth, RLE for results)
     */
    public SyntheticCoco(int images, long seed, boolean segm) {
        if (images < 1 || images > MAX_IMAGES) {
            throw new IllegalArgumentException("--images must be between 1 and " + MAX_IMAGES + ", got " + images);
        }
        this.images = images;
        this.seed = seed;
        this.segm = segm;
    }

    /** Counts of what was written. */
    public record Written(int images, int annotations, int detections) {
    }

    /**
     * Writes {@code instances.json} and {@code detections.json} into {@code dir} (created if needed). Both
     * are written to temporary files first and moved into place only when both are complete
     * ({@link AtomicFile}), so a failed run leaves the folder as it was.
     *
     * @throws dev.deteval.eval.io.OutputException when the folder cannot be created or a file cannot be written
     */
    public Written write(Path dir) {
        return writePair(dir, this::write);
    }

    /** Writes one data set's two JSON documents, ground truth and results. */
    interface PairWriter {
        Written write(JsonGenerator gt, JsonGenerator dt) throws IOException;
    }

    /**
     * Writes {@code DIR/instances.json} and {@code DIR/detections.json} with {@code writer} (the folder created
     * if needed), each moved into place only when both are complete ({@link AtomicFile}).
     *
     * @throws dev.deteval.eval.io.OutputException when the folder cannot be created or a file cannot be written
     */
    static Written writePair(Path dir, PairWriter writer) {
        AtomicFile.createFolder(dir);
        JsonFactory factory = new JsonFactory();
        try (AtomicFile.Pending gtFile = AtomicFile.open(dir.resolve("instances.json"));
                AtomicFile.Pending dtFile = AtomicFile.open(dir.resolve("detections.json"))) {
            Written written;
            try (JsonGenerator gt = factory.createGenerator(gtFile.stream(), JsonEncoding.UTF8);
                    JsonGenerator dt = factory.createGenerator(dtFile.stream(), JsonEncoding.UTF8)) {
                written = writer.write(gt, dt);
            } catch (IOException e) {
                throw AtomicFile.failure(dir, e);
            }
            gtFile.commit();
            dtFile.commit();
            return written;
        }
    }

    /** Opens the ground-truth document and writes its "info" object (what made the file). */
    static void startGroundTruth(JsonGenerator gt, String description, int images, long seed) throws IOException {
        gt.writeStartObject();
        gt.writeObjectFieldStart("info");
        gt.writeStringField("description", description);
        gt.writeNumberField("images", images);
        gt.writeNumberField("seed", seed);
        gt.writeEndObject();
    }

    /**
     * Writes the "images" list: ids {@link #imageId}, each size drawn from COCO's common sizes with
     * {@code random}.
     *
     * @return {@code [image][width, height]} in pixels
     */
    static int[][] writeImages(JsonGenerator gt, int images, SplittableRandom random) throws IOException {
        gt.writeArrayFieldStart("images");
        int[][] sizes = new int[images][];
        for (int i = 0; i < images; i++) {
            sizes[i] = IMAGE_SIZES[random.nextInt(IMAGE_SIZES.length)];
            gt.writeStartObject();
            gt.writeNumberField("id", imageId(i));
            gt.writeNumberField("width", sizes[i][0]);
            gt.writeNumberField("height", sizes[i][1]);
            gt.writeStringField("file_name", String.format("%012d.jpg", imageId(i)));
            gt.writeEndObject();
        }
        gt.writeEndArray();
        return sizes;
    }

    private Written write(JsonGenerator gt, JsonGenerator dt) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        startGroundTruth(gt, "deteval synthetic COCO-like data", images, seed);
        int[][] sizes = writeImages(gt, images, random);
        gt.writeArrayFieldStart("categories");
        for (int k = 0; k < CocoCategories.IDS.length; k++) {
            gt.writeStartObject();
            gt.writeNumberField("id", CocoCategories.IDS[k]);
            gt.writeStringField("name", CocoCategories.NAMES.get(k));
            gt.writeEndObject();
        }
        gt.writeEndArray();
        gt.writeArrayFieldStart("annotations");
        dt.writeStartArray();
        ImageSynth synth = new ImageSynth(random);
        MaskSynth masks = new MaskSynth(new SplittableRandom(seed).split());
        int annotations = 0;
        int detections = 0;
        for (int i = 0; i < images; i++) {
            int width = sizes[i][0];
            int height = sizes[i][1];
            synth.generate(width, height, poisson(random, MEAN_OBJECTS), MAX_DETECTIONS);
            if (segm) {
                masks.generateObjects(synth, width, height);
            }
            for (int a = 0; a < synth.objects; a++) {
                gt.writeStartObject();
                gt.writeNumberField("id", ++annotations);
                gt.writeNumberField("image_id", imageId(i));
                gt.writeNumberField("category_id", synth.objectCategory[a]);
                writeBox(gt, synth.objectBox, a);
                if (segm) {
                    SegmentationWriter.writeObject(gt, masks.objectPolygon[a], masks.objectMask[a],
                            synth.objectCrowd[a]);
                    gt.writeNumberField("area", (double) masks.objectMask[a].area());
                } else {
                    gt.writeNumberField("area", round(synth.objectArea[a], 2));
                }
                gt.writeNumberField("iscrowd", synth.objectCrowd[a] ? 1 : 0);
                gt.writeEndObject();
            }
            for (int d = 0; d < synth.detections; d++) {
                dt.writeStartObject();
                dt.writeNumberField("image_id", imageId(i));
                dt.writeNumberField("category_id", synth.detectionCategory[d]);
                writeBox(dt, synth.detectionBox, d);
                if (segm) {
                    SegmentationWriter.writeCompressed(dt, masks.detectionMask(synth, d, width, height));
                }
                dt.writeNumberField("score", round(synth.detectionScore[d], 5));
                dt.writeEndObject();
                detections++;
            }
        }
        gt.writeEndArray();
        gt.writeEndObject();
        dt.writeEndArray();
        return new Written(images, annotations, detections);
    }

    private static void writeBox(JsonGenerator g, double[] boxes, int i) throws IOException {
        g.writeArrayFieldStart("bbox");
        for (int c = 0; c < 4; c++) {
            g.writeNumber(round(boxes[4 * i + c], 2));
        }
        g.writeEndArray();
    }

    static long imageId(int index) {
        // sparse, COCO-like ids
        return 1000L + 7L * index;
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }
}
