package dev.deteval.eval.io;

import com.fasterxml.jackson.core.JsonToken;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.data.Names;
import dev.deteval.eval.data.TextIds;
import dev.deteval.eval.mask.Rle;
import dev.deteval.eval.mask.RleDecoder;
import java.util.OptionalLong;

/**
 * Parses a COCO results list (a JSON array of detections, or an object whose {@code annotations} member is
 * one) from one parser into detection columns, applying pycocotools' {@code loadRes} rules for the
 * {@link IouType}. It reads a whole file or one slice of it; a slice is told whether the file's first
 * result has a bbox. One instance reads one list.
 */
final class ResultsParser {
    /** The category id of a result whose string category is not among the ground truth's (ids are 1..n). */
    static final long UNKNOWN_TEXT_CATEGORY = 0;

    private final JsonCursor c;
    private final GroundTruth gt;
    /** How messages name the ground truth: "the ground truth", with its file when known. */
    private final String gtName;
    private final TextIds imageTexts;
    private final TextIds categoryTexts;
    private final Detections.Builder builder;
    private final double[] box = new double[4];
    private final KeypointJson keypointJson = new KeypointJson();
    private final IouType type;
    /** pycocotools' loadRes takes its bbox branch for every result when the first one has a bbox. */
    private boolean boxesFromFirst;
    /** Set by the caller (slices of a file): index 0 is then not the file's first result. */
    private final boolean firstKnown;
    /** Decodes compressed RLE counts from the parser's characters; made at the first segmentation. */
    private RleDecoder decoder;
    /** The ground truth's image sizes, made when the first polygon needs them. */
    private ImageSizes sizes;

    /**
     * A parser for a whole results list: its first result decides loadRes' rule.
     *
     * @param gt the ground truth the ids must fit, or null to skip that check (string ids then fail)
     * @param gtSource the ground truth's file for messages, or null
     */
    ResultsParser(JsonCursor c, GroundTruth gt, String gtSource, IouType type) {
        this(c, gt, gtSource, type, 0, null);
    }

    /**
     * A parser for a slice of a results file: {@code expected} is room for that many detections before
     * the columns grow, {@code firstHasBox} whether the file's first result has a bbox (null: the
     * first element parsed is the file's first result).
     */
    ResultsParser(JsonCursor c, GroundTruth gt, String gtSource, IouType type, int expected, Boolean firstHasBox) {
        this.c = c;
        this.gt = gt;
        this.gtName = gtSource == null ? "the ground truth" : "the ground truth " + gtSource;
        this.imageTexts = gt == null ? null : gt.imageTextIds().orElse(null);
        this.categoryTexts = gt == null ? null : gt.categoryTextIds().orElse(null);
        this.type = type;
        this.builder = Detections.builder(expected);
        this.firstKnown = firstHasBox != null;
        this.boxesFromFirst = firstKnown && firstHasBox;
    }

    /** The detections read by {@link #parse()}, not yet built. */
    Detections.Builder collected() {
        return builder;
    }

    Detections parse() {
        JsonToken first = c.next();
        String path = "$";
        if (first == JsonToken.START_OBJECT) {
            boolean found = false;
            while (c.next() == JsonToken.FIELD_NAME) {
                String name = c.fieldName();
                c.next();
                if (name.equals("annotations")) {
                    if (found) {
                        throw c.error("annotations", "member 'annotations' appears twice in one object");
                    }
                    found = true;
                    list("annotations");
                } else {
                    c.skipChildren();
                }
            }
            if (!found) {
                throw c.error("$", "expected a JSON array of detections or an object with 'annotations'");
            }
        } else if (first == JsonToken.START_ARRAY) {
            listBody(path);
        } else {
            throw c.error("$", "expected a JSON array of detections, got " + JsonCursor.describe(first));
        }
        if (c.next() != null) {
            throw c.error("$", "unexpected content after the detections");
        }
        return builder.build();
    }

    private void list(String path) {
        c.expect(JsonToken.START_ARRAY, path, "an array of detections");
        listBody(path);
    }

    private void listBody(String path) {
        String base = path.equals("$") ? "" : path;
        int i = 0;
        while (c.next() != JsonToken.END_ARRAY) {
            if (c.current() == null) {
                throw c.error(path, "unexpected end of input");
            }
            if (c.current() != JsonToken.START_OBJECT) {
                c.expect(JsonToken.START_OBJECT, base + "[" + i + "]", "an object");
            }
            detection(base, i);
            i++;
        }
    }

    /**
     * Reads detection {@code index} of the list at {@code base}. Paths for messages are only built
     * when something is wrong: this runs once per detection.
     */
    private void detection(String base, int index) {
        SegmentationJson segmentation = null;
        int keypointValues = -1; // how many numbers 'keypoints' held (in keypointJson), -1 when absent
        long imageId = 0;
        long categoryId = 0;
        boolean hasBox = false;
        double score = Double.NaN;
        double time = Double.NaN;
        int seen = 0;
        while (c.next() == JsonToken.FIELD_NAME) {
            String name = c.fieldName();
            c.next();
            switch (name) {
                case "image_id" -> {
                    seen = c.once(seen, 1, base, index, "image_id");
                    imageId = imageId(base, index);
                }
                case "category_id" -> {
                    seen = c.once(seen, 2, base, index, "category_id");
                    categoryId = categoryId(base, index);
                }
                case "bbox" -> {
                    seen = c.once(seen, 4, base, index, "bbox");
                    c.readBox(base, index, "bbox", box);
                    hasBox = true;
                    if (box[2] < 0 || box[3] < 0) {
                        throw c.error(CocoJson.at(base, index) + ".bbox", "width and height must not be negative,"
                                + " got " + box[2] + " x " + box[3]);
                    }
                }
                case "score" -> {
                    seen = c.once(seen, 8, base, index, "score");
                    score = c.readFinite(base, index, "score");
                }
                case "time" -> {
                    seen = c.once(seen, 64, base, index, "time");
                    if (c.current() != JsonToken.VALUE_NULL) {
                        time = c.readFinite(base, index, "time");
                    }
                }
                case "segmentation" -> {
                    if (type == IouType.SEGM) {
                        seen = c.once(seen, 16, base, index, "segmentation");
                        if (decoder == null) {
                            decoder = RleDecoder.shared();
                        }
                        segmentation = SegmentationJson.read(c, () -> CocoJson.at(base, index) + ".segmentation",
                                decoder);
                    } else {
                        c.skipChildren();
                    }
                }
                case "keypoints" -> {
                    if (type == IouType.KEYPOINTS) {
                        seen = c.once(seen, 32, base, index, "keypoints");
                        keypointValues = keypointJson.read(c, base, index, "keypoints");
                    } else {
                        c.skipChildren();
                    }
                }
                default -> c.skipChildren();
            }
        }
        if ((seen & 1) == 0) {
            throw c.error(CocoJson.at(base, index), "missing required field 'image_id'");
        }
        if ((seen & 2) == 0) {
            throw c.error(CocoJson.at(base, index), "missing required field 'category_id'");
        }
        // only segm and keypoints need the first result's answer; slices are told it (firstKnown), as
        // their index 0 is not the file's. The type is tested first: box lists never reach the index test
        // (a branch taken once, late, in whichever slice holds the file's start)
        if (type != IouType.BBOX && !firstKnown && index == 0) {
            boxesFromFirst = hasBox;
        }
        if (!hasBox && (type == IouType.BBOX || boxesFromFirst)) {
            throw c.error(CocoJson.at(base, index), type == IouType.BBOX ? "missing required field 'bbox'"
                    : "missing required field 'bbox' (the first result has one, so pycocotools reads every"
                    + " result's box)");
        }
        if (Double.isNaN(score)) {
            throw c.error(CocoJson.at(base, index), "missing required field 'score'");
        }
        Rle mask = null;
        if (type == IouType.SEGM) {
            mask = resultMask(base, index, segmentation, imageId);
            if (!hasBox) {
                System.arraycopy(mask.bbox(), 0, box, 0, 4);
            }
        } else if (type == IouType.KEYPOINTS) {
            if (keypointValues < 0) {
                throw c.error(CocoJson.at(base, index), "missing required field 'keypoints' (keypoints evaluation)");
            }
            if (keypointValues == 0) {
                throw c.error(CocoJson.at(base, index) + ".keypoints", "keypoints must not be empty");
            }
            if (!hasBox) {
                extent(keypointJson.values(), keypointValues, box);
            }
        }
        builder.add(imageId, categoryId, box[0], box[1], box[2], box[3], score);
        if (mask != null) {
            builder.mask(mask);
            if (!boxesFromFirst) {
                builder.area(mask.area());
            }
        }
        if (keypointValues >= 0) {
            builder.keypoints(keypointJson.values(), keypointValues);
        }
        if (!Double.isNaN(time)) {
            builder.time(time);
        }
    }

    /** The result's image id: a number, or the ground truth's number for a string id. */
    private long imageId(String base, int index) {
        boolean text = JsonCursor.isId(c, base, index, "image_id");
        if (gt == null) {
            if (text) {
                throw needsGroundTruth(base, index, "image_id");
            }
            return c.readLong(base, index, "image_id");
        }
        if (text != (imageTexts != null)) {
            throw mismatch(base, index, "image_id", "image", text, "'Results do not correspond to current coco set'");
        }
        long id;
        if (text) {
            OptionalLong n = imageTexts.id(c.text());
            id = n.isPresent() ? n.getAsLong() : -1; // numbers of string ids start at 1
        } else {
            id = c.readLong(base, index, "image_id");
        }
        if (!gt.hasImage(id)) {
            throw c.error(CocoJson.at(base, index) + ".image_id", "image " + shown(text) + " is not in"
                    + " the ground truth (pycocotools: 'Results do not correspond to current coco set')");
        }
        return id;
    }

    /** The result's category id: a number, or the ground truth's number for a string id. */
    private long categoryId(String base, int index) {
        boolean text = JsonCursor.isId(c, base, index, "category_id");
        if (gt == null) {
            if (text) {
                throw needsGroundTruth(base, index, "category_id");
            }
            return c.readLong(base, index, "category_id");
        }
        if (text != (categoryTexts != null)) {
            throw mismatch(base, index, "category_id", "category", text,
                    "it would leave every such detection out without a word");
        }
        if (text) {
            return categoryTexts.id(c.text()).orElse(UNKNOWN_TEXT_CATEGORY);
        }
        return c.readLong(base, index, "category_id");
    }

    private InputException needsGroundTruth(String base, int index, String field) {
        return c.error(CocoJson.at(base, index) + "." + field, "string ids are numbered by the ground truth:"
                + " read the results against it");
    }

    private InputException mismatch(String base, int index, String field, String noun, boolean text,
            String pycocotools) {
        return c.error(CocoJson.at(base, index) + "." + field, noun + " id " + shown(text) + " is a "
                + (text ? "string" : "number") + ", but " + gtName + " names its " + (noun.equals("image") ? "images"
                : "categories") + " by " + (text ? "numbers" : "strings") + "; ids must have the same type in both"
                + " files (pycocotools tells 2299 from \"2299\": " + pycocotools + ")");
    }

    /** The current id token for messages: a string in quotes (made safe to print), a number as written. */
    private String shown(boolean text) {
        return text ? "\"" + Names.cell(c.text()) + "\"" : c.text();
    }

    /**
     * The mask of a segm result. RLE is decoded as given. Polygons (and, for a result without
     * {@code segmentation}, its box as a four-corner polygon) are what pycocotools' loadRes keeps when the
     * first result has a bbox; its evaluate() rasterises them at the image's size, so they need the
     * ground truth. Without that bbox loadRes computes the area of an RLE and fails on polygons.
     */
    private Rle resultMask(String base, int index, SegmentationJson segmentation, long imageId) {
        if (segmentation == null) {
            if (!boxesFromFirst) {
                throw c.error(CocoJson.at(base, index), "missing required field 'segmentation' (segm evaluation)");
            }
            segmentation = SegmentationJson.boxPolygon(box, () -> CocoJson.at(base, index) + ".bbox");
        }
        if (segmentation.isPolygon()) {
            if (!boxesFromFirst) {
                throw c.error(segmentation.path(), "a polygon segmentation is only read when the first result has a"
                        + " 'bbox' (pycocotools' loadRes then keeps polygons; without one it fails on them): add"
                        + " 'bbox' to the results or give RLE {counts, size}");
            }
            if (gt == null) {
                throw c.error(segmentation.path(), "a polygon segmentation is rasterised at its image's size:"
                        + " read the results against the ground truth");
            }
            if (sizes == null) {
                sizes = ImageSizes.of(gt);
            }
            try {
                return segmentation.toRle(sizes.height(imageId), sizes.width(imageId));
            } catch (IllegalArgumentException e) {
                String image = imageTexts == null ? Long.toString(imageId)
                        : "\"" + Names.cell(imageTexts.text(imageId)) + "\"";
                throw c.error(segmentation.path(), "image " + image + ": " + e.getMessage());
            }
        }
        try {
            return segmentation.toRle(0, 0);
        } catch (IllegalArgumentException e) {
            throw c.error(segmentation.path(), e.getMessage());
        }
    }

    /** pycocotools' loadRes box for keypoint results: the extent of all points, v = 0 included. */
    private static void extent(double[] kps, int n, double[] out) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i += 3) {
            x0 = Math.min(x0, kps[i]);
            x1 = Math.max(x1, kps[i]);
            y0 = Math.min(y0, kps[i + 1]);
            y1 = Math.max(y1, kps[i + 1]);
        }
        out[0] = x0;
        out[1] = y0;
        out[2] = x1 - x0;
        out[3] = y1 - y0;
    }
}