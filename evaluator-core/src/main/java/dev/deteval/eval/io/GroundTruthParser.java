package dev.deteval.eval.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import dev.deteval.eval.coco.Frequency;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.coco.LvisGroundTruth;
import dev.deteval.eval.data.Category;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.internal.ColumnAccess;
import dev.deteval.eval.internal.Growable;
import dev.deteval.eval.internal.SharedColumns;
import dev.deteval.eval.mask.Rle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Parses the COCO instances format ({@code images}, {@code categories}, {@code annotations}) from one
 * parser into a {@link GroundTruth}, with the masks or keypoints the {@link IouType} needs. Errors found
 * only after the parse (a duplicate annotation id, an unknown image) are placed by walking the document
 * again. One instance reads one document.
 */
final class GroundTruthParser {

    /** How many annotations of unknown categories the warning about them names. */
    private static final int UNKNOWN_CATEGORY_EXAMPLES = 3;

    private static final ColumnAccess COLUMNS = SharedColumns.access();

    private final JsonCursor c;
    private final List<String> warnings;
    private final GroundTruth.Builder builder = GroundTruth.builder();
    private final double[] box = new double[4];
    private final KeypointJson keypointJson = new KeypointJson();
    /** The document again, to find the place of an error found after the parse. */
    private final JsonSource document;
    private final Set<Long> imageIds = new HashSet<>();
    private final IdFamily imageFamily = new IdFamily("image");
    private final IdFamily categoryFamily = new IdFamily("category");
    private final Set<Long> categoryIds = new HashSet<>();
    private int missingArea;
    private boolean sawImages;
    private boolean sawAnnotations;
    private boolean sawCategories;
    private final IouType type;
    private final Map<Long, int[]> imageSizes = new HashMap<>();
    private final List<SegmentationJson> segmentations = new ArrayList<>();
    private final List<long[]> segmentationOwners = new ArrayList<>();
    private int annotationCount;
    /** LVIS: each image's neg_category_ids and not_exhaustive_category_ids; null when reading COCO. */
    private final Map<Long, long[][]> federated;
    /** LVIS: each category's frequency group; null when reading COCO. */
    private final Map<Long, Frequency> frequencies;

    GroundTruthParser(JsonCursor c, JsonSource document, List<String> warnings, IouType type) {
        this(c, document, warnings, type, false);
    }

    /**
     * @param lvis true to read an LVIS file: every image must have {@code neg_category_ids} and
     *     {@code not_exhaustive_category_ids}, every category a {@code frequency}; {@code iscrowd} is not read
     */
    GroundTruthParser(JsonCursor c, JsonSource document, List<String> warnings, IouType type, boolean lvis) {
        this.c = c;
        this.document = document;
        this.warnings = warnings;
        this.type = type;
        this.federated = lvis ? new HashMap<>() : null;
        this.frequencies = lvis ? new HashMap<>() : null;
    }

    /** Parses an LVIS document (the parser was made with {@code lvis} true). */
    LvisGroundTruth parseLvis() {
        GroundTruth gt = parse();
        LvisGroundTruth.Builder b = LvisGroundTruth.builder(gt);
        federated.forEach((image, lists) -> b.image(image, lists[0], lists[1]));
        frequencies.forEach(b::frequency);
        return b.build();
    }

    GroundTruth parse() {
        c.next();
        c.expect(JsonToken.START_OBJECT, "$", "a JSON object with images, annotations and categories");
        while (c.next() == JsonToken.FIELD_NAME) {
            String name = c.fieldName();
            c.next();
            switch (name) {
                case "images" -> {
                    if (sawImages) {
                        throw c.error("images", "member 'images' appears twice in one object");
                    }
                    sawImages = true;
                    array("images", this::image);
                }
                case "annotations" -> {
                    if (sawAnnotations) {
                        throw c.error("annotations", "member 'annotations' appears twice in one object");
                    }
                    sawAnnotations = true;
                    array("annotations", this::annotation);
                }
                case "categories" -> {
                    if (sawCategories) {
                        throw c.error("categories", "member 'categories' appears twice in one object");
                    }
                    sawCategories = true;
                    array("categories", this::category);
                }
                default -> c.skipChildren();
            }
        }
        if (c.next() != null) {
            throw c.error("$", "unexpected content after the top-level object");
        }
        if (!sawImages) {
            throw new InputException(c.source, "$", "missing required member 'images'");
        }
        if (!sawAnnotations) {
            throw new InputException(c.source, "$", "missing required member 'annotations'");
        }
        if (!sawCategories) {
            throw new InputException(c.source, "$", "missing required member 'categories'");
        }
        if (missingArea > 0) {
            warnings.add(c.source + ": " + missingArea + " annotation(s) have no 'area'; using w*h of the bbox"
                    + " (pycocotools would fail)");
        }
        if (!segmentations.isEmpty()) {
            checkImageReferences(builder.annotationImageIds()); // masks need their image's size
        }
        resolveMasks();
        GroundTruth gt;
        try {
            gt = builder.build();
        } catch (IllegalArgumentException e) {
            // build() found a duplicate id or an unknown image: name the first in file order, with its place
            checkUniqueAnnotationIds(builder.annotationIds());
            checkImageReferences(builder.annotationImageIds());
            throw new InputException(c.source, "", e.getMessage(), e);
        }
        checkCategoryReferences(COLUMNS.categoryIds(gt));
        if (imageFamily.isText() || categoryFamily.isText()) {
            return TextIdNumbers.renumber(gt, imageFamily.isText() ? imageFamily : null,
                    categoryFamily.isText() ? categoryFamily : null);
        }
        return gt;
    }

    /** The first annotation (in file order) whose id an earlier one already has is an error. */
    private void checkUniqueAnnotationIds(long[] ids) {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < ids.length; i++) {
            if (!seen.add(ids[i])) {
                throw errorAfterParse(i, "id", "duplicate annotation id " + ids[i]);
            }
        }
    }

    private void checkImageReferences(long[] images) {
        long[] known = imageIds.stream().mapToLong(Long::longValue).sorted().toArray();
        for (int i = 0; i < images.length; i++) {
            if (Arrays.binarySearch(known, images[i]) < 0) {
                throw errorAfterParse(i, "image_id", "image " + imageFamily.show(images[i]) + " is not in 'images'");
            }
        }
    }

    /** An error at member {@code field} of annotation {@code i}, placed by walking the document again. */
    private InputException errorAfterParse(int i, String field, String problem) {
        String path = "annotations[" + i + "]." + field;
        return c.errorAt(path, JsonLocator.find(CocoJson.FACTORY, document, "annotations", i, field), problem);
    }

    /**
     * Turns the segmentations into masks now that every image's size is known: rasterised in parallel,
     * then stored in order, so that the first bad one in file order is the one reported.
     */
    private void resolveMasks() {
        int n = segmentations.size();
        Rle[] masks = new Rle[n];
        IllegalArgumentException[] failures = new IllegalArgumentException[n];
        IntStream.range(0, n).parallel().forEach(j -> {
            int[] hw = imageSizes.get(segmentationOwners.get(j)[1]);
            try {
                masks[j] = segmentations.get(j).toRle(hw[0], hw[1]);
            } catch (IllegalArgumentException e) {
                failures[j] = e;
            }
        });
        for (int j = 0; j < n; j++) {
            long[] owner = segmentationOwners.get(j);
            if (failures[j] != null) {
                throw new InputException(c.source, segmentations.get(j).path(),
                        "annotation " + owner[2] + ": " + failures[j].getMessage(), failures[j]);
            }
            builder.mask((int) owner[0], masks[j]);
        }
    }

    /** One warning for all annotations of unknown categories: their count and the first few. */
    private void checkCategoryReferences(long[] categories) {
        long[] known = categoryIds.stream().mapToLong(Long::longValue).sorted().toArray();
        int unknown = 0;
        StringBuilder examples = new StringBuilder();
        for (int i = 0; i < categories.length; i++) {
            if (Arrays.binarySearch(known, categories[i]) < 0) {
                if (++unknown <= UNKNOWN_CATEGORY_EXAMPLES) {
                    examples.append(unknown > 1 ? ", " : "").append("annotations[").append(i)
                            .append("].category_id ").append(categoryFamily.show(categories[i]));
                }
            }
        }
        if (unknown > 0) {
            warnings.add(c.source + ": " + unknown + " annotation(s) name a category that is not in 'categories' ("
                    + (unknown > UNKNOWN_CATEGORY_EXAMPLES ? "first: " : "") + examples
                    + (unknown > UNKNOWN_CATEGORY_EXAMPLES ? ", …" : "")
                    + "); they are not evaluated (pycocotools drops them too)");
        }
    }

    private void array(String path, ElementReader reader) {
        c.expect(JsonToken.START_ARRAY, path, "an array");
        int i = 0;
        while (c.next() != JsonToken.END_ARRAY) {
            if (c.current() == null) {
                throw c.error(path, "unexpected end of input");
            }
            if (c.current() != JsonToken.START_OBJECT) {
                c.expect(JsonToken.START_OBJECT, path + "[" + i + "]", "an object");
            }
            reader.read(path, i);
            i++;
        }
    }

    private void image(String base, int index) {
        String path = CocoJson.at(base, index);
        Long id = null;
        JsonLocation idAt = null;
        int width = 0;
        int height = 0;
        String fileName = "";
        long[] negative = null;
        long[] notExhaustive = null;
        int seen = 0;
        while (c.next() == JsonToken.FIELD_NAME) {
            String name = c.fieldName();
            c.next();
            switch (name) {
                case "id" -> {
                    seen = c.once(seen, 1, path, "id");
                    id = imageFamily.read(c, path, -1, "id");
                    idAt = c.location();
                }
                case "width" -> {
                    seen = c.once(seen, 2, path, "width");
                    width = (int) nonNegative(path + ".width", c.readLong(path + ".width"));
                }
                case "height" -> {
                    seen = c.once(seen, 4, path, "height");
                    height = (int) nonNegative(path + ".height", c.readLong(path + ".height"));
                }
                case "file_name" -> {
                    seen = c.once(seen, 8, path, "file_name");
                    fileName = c.readString(path + ".file_name");
                }
                case "neg_category_ids" -> {
                    if (federated == null) {
                        c.skipChildren();
                    } else {
                        seen = c.once(seen, 16, path, name);
                        negative = ids(path + "." + name);
                    }
                }
                case "not_exhaustive_category_ids" -> {
                    if (federated == null) {
                        c.skipChildren();
                    } else {
                        seen = c.once(seen, 32, path, name);
                        notExhaustive = ids(path + "." + name);
                    }
                }
                default -> c.skipChildren();
            }
        }
        if (id == null) {
            throw c.error(path, "missing required field 'id'");
        }
        if (federated != null) {
            if (negative == null) {
                throw c.error(path, "missing required field 'neg_category_ids' (LVIS)");
            }
            if (notExhaustive == null) {
                throw c.error(path, "missing required field 'not_exhaustive_category_ids' (LVIS)");
            }
            federated.put(id, new long[][] {negative, notExhaustive});
        }
        if (!imageIds.add(id)) {
            throw c.errorAt(path + ".id", idAt, "duplicate image id " + imageFamily.show(id));
        }
        builder.addImage(id, width, height, fileName);
        imageSizes.put(id, new int[] {height, width});
    }

    private long nonNegative(String path, long v) {
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw c.error(path, "must be a non-negative integer, got " + v);
        }
        return v;
    }

    private void category(String base, int index) {
        String path = CocoJson.at(base, index);
        Long id = null;
        JsonLocation idAt = null;
        String name = "";
        String supercategory = "";
        Frequency frequency = null;
        int seen = 0;
        while (c.next() == JsonToken.FIELD_NAME) {
            String field = c.fieldName();
            c.next();
            switch (field) {
                case "id" -> {
                    seen = c.once(seen, 1, path, "id");
                    id = categoryFamily.read(c, path, -1, "id");
                    idAt = c.location();
                }
                case "name" -> {
                    seen = c.once(seen, 2, path, "name");
                    name = c.readString(path + ".name");
                }
                case "supercategory" -> {
                    seen = c.once(seen, 4, path, "supercategory");
                    supercategory = c.readString(path + ".supercategory");
                }
                case "frequency" -> {
                    if (frequencies == null) {
                        c.skipChildren();
                    } else {
                        seen = c.once(seen, 8, path, "frequency");
                        frequency = frequency(path + ".frequency");
                    }
                }
                default -> c.skipChildren();
            }
        }
        if (id == null) {
            throw c.error(path, "missing required field 'id'");
        }
        if (frequencies != null) {
            if (frequency == null) {
                throw c.error(path, "missing required field 'frequency' (LVIS: \"r\", \"c\" or \"f\")");
            }
            frequencies.put(id, frequency);
        }
        if (!categoryIds.add(id)) {
            throw c.errorAt(path + ".id", idAt, "duplicate category id " + categoryFamily.show(id));
        }
        builder.addCategory(new Category(id, name, supercategory));
    }

    /** Runs once per annotation: message paths are built only when something is wrong. */
    private void annotation(String base, int index) {
        long id = 0;
        long imageId = 0;
        long categoryId = 0;
        boolean hasBox = false;
        double area = Double.NaN;
        boolean crowd = false;
        boolean ignore = false;
        SegmentationJson segmentation = null;
        int keypointValues = -1; // how many numbers 'keypoints' held, -1 when absent
        int numKeypoints = -1;
        int seen = 0;
        while (c.next() == JsonToken.FIELD_NAME) {
            String name = c.fieldName();
            c.next();
            switch (name) {
                case "id" -> {
                    seen = c.once(seen, 1, base, index, "id");
                    id = c.readLong(base, index, "id");
                }
                case "image_id" -> {
                    seen = c.once(seen, 2, base, index, "image_id");
                    imageId = imageFamily.read(c, base, index, "image_id");
                }
                case "segmentation" -> {
                    if (type == IouType.SEGM) {
                        seen = c.once(seen, 128, base, index, "segmentation");
                        segmentation = SegmentationJson.read(c, JsonCursor.join(base, index, "segmentation"));
                    } else {
                        c.skipChildren();
                    }
                }
                case "keypoints" -> {
                    if (type == IouType.KEYPOINTS) {
                        seen = c.once(seen, 256, base, index, "keypoints");
                        keypointValues = keypointJson.read(c, base, index, "keypoints");
                    } else {
                        c.skipChildren();
                    }
                }
                case "num_keypoints" -> {
                    if (type == IouType.KEYPOINTS) {
                        seen = c.once(seen, 512, base, index, "num_keypoints");
                        long count = c.readLong(base, index, "num_keypoints");
                        if (count < 0 || count > Integer.MAX_VALUE) {
                            nonNegative(JsonCursor.join(base, index, "num_keypoints"), count); // throws
                        }
                        numKeypoints = (int) count;
                    } else {
                        c.skipChildren();
                    }
                }
                case "category_id" -> {
                    seen = c.once(seen, 4, base, index, "category_id");
                    categoryId = categoryFamily.read(c, base, index, "category_id");
                }
                case "bbox" -> {
                    seen = c.once(seen, 8, base, index, "bbox");
                    c.readBox(base, index, "bbox", box);
                    hasBox = true;
                    if (box[2] < 0 || box[3] < 0) {
                        throw c.error(JsonCursor.join(base, index, "bbox"), "width and height must not be"
                                + " negative, got " + box[2] + " x " + box[3]);
                    }
                }
                case "area" -> {
                    seen = c.once(seen, 16, base, index, "area");
                    area = c.readFinite(base, index, "area");
                    if (area < 0) {
                        throw c.error(JsonCursor.join(base, index, "area"), "must not be negative, got " + area);
                    }
                }
                case "iscrowd" -> {
                    if (federated != null) {
                        c.skipChildren(); // lvis-api never reads it: LVIS has no crowd annotations
                    } else {
                        seen = c.once(seen, 32, base, index, "iscrowd");
                        crowd = c.readFlag(base, index, "iscrowd");
                    }
                }
                case "ignore" -> {
                    seen = c.once(seen, 64, base, index, "ignore");
                    ignore = c.readFlag(base, index, "ignore");
                }
                default -> c.skipChildren();
            }
        }
        requireField(seen, 1, base, index, "id");
        requireField(seen, 2, base, index, "image_id");
        requireField(seen, 4, base, index, "category_id");
        if (!hasBox) {
            throw c.error(CocoJson.at(base, index), "missing required field 'bbox'");
        }
        if (Double.isNaN(area)) {
            area = box[2] * box[3];
            missingArea++;
        }
        builder.addAnnotation(id, imageId, categoryId, box[0], box[1], box[2], box[3], area, crowd, ignore);
        int row = annotationCount++;
        if (segmentation != null) {
            segmentations.add(segmentation);
            segmentationOwners.add(new long[] {row, imageId, id});
        } else if (type == IouType.SEGM) {
            throw c.error(CocoJson.at(base, index), "missing required field 'segmentation' (segm evaluation)");
        }
        if (keypointValues >= 0) {
            if (numKeypoints < 0) {
                throw c.error(CocoJson.at(base, index), "missing required field 'num_keypoints' (keypoints evaluation)");
            }
            builder.keypoints(row, keypointJson.values(), keypointValues, numKeypoints);
        } else if (numKeypoints > 0) {
            throw c.error(CocoJson.at(base, index), "num_keypoints is " + numKeypoints
                    + " but there is no 'keypoints' field");
        }
    }

    /** An array of integer ids at {@code path} (the current token). */
    private long[] ids(String path) {
        c.expect(JsonToken.START_ARRAY, path, "an array of category ids");
        long[] ids = new long[8];
        int n = 0;
        while (c.next() != JsonToken.END_ARRAY) {
            if (c.current() == null) {
                throw c.error(path, "unexpected end of input");
            }
            ids = Growable.grow(ids, Growable.next(ids.length, n + 1));
            ids[n] = c.readLong(path, n, null);
            n++;
        }
        return Arrays.copyOf(ids, n);
    }

    private Frequency frequency(String path) {
        String text = c.readString(path);
        try {
            return Frequency.parse(text);
        } catch (IllegalArgumentException e) {
            throw c.error(path, e.getMessage());
        }
    }

    private void requireField(int seen, int bit, String base, int index, String field) {
        if ((seen & bit) == 0) {
            throw c.error(CocoJson.at(base, index), "missing required field '" + field + "'");
        }
    }

    @FunctionalInterface
    private interface ElementReader {
        /** Reads element {@code index} of the array at {@code base}. */
        void read(String base, int index);
    }
}
