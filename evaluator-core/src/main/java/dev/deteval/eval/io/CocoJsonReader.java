package dev.deteval.eval.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.deteval.eval.data.Category;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads COCO JSON with Jackson's streaming parser straight into columns: instances-format ground truth
 * ({@code images}, {@code categories}, {@code annotations}) and results (a JSON array of
 * {@code {image_id, category_id, bbox, score}}, or an object whose {@code annotations} member is that
 * array). Fields not needed for box evaluation are skipped.
 *
 * <p>Every problem is an {@link InputException} naming the file, the JSON path with line and column,
 * and what is wrong. A reader instance collects warnings (for example a ground-truth annotation
 * without {@code area}, for which {@code w * h} is used); read them with {@link #warnings()}.
 */
public final class CocoJsonReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    private final List<String> warnings = new ArrayList<>();

    /** Warnings collected by the reads so far. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Reads a ground-truth file. */
    public GroundTruth readGroundTruth(Path file) {
        try (InputStream in = open(file)) {
            return readGroundTruth(in, file.toString());
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads ground truth from a stream.
     *
     * @param source the name used in error messages
     */
    public GroundTruth readGroundTruth(InputStream in, String source) {
        try (JsonParser parser = FACTORY.createParser(in)) {
            return new GroundTruthParser(new JsonCursor(parser, source), warnings).parse();
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a results file and checks it against the ground truth: a detection whose image is not in
     * {@code gt} is an error (as in pycocotools). Detections whose category is not in {@code gt} are
     * kept; the evaluator counts them in a warning and leaves them out, as pycocotools drops them.
     */
    public Detections readResults(Path file, GroundTruth gt) {
        try (InputStream in = open(file)) {
            return readResults(in, file.toString(), gt);
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads results from a stream; see {@link #readResults(Path, GroundTruth)}.
     *
     * @param gt the ground truth to check against, or null to skip the checks
     */
    public Detections readResults(InputStream in, String source, GroundTruth gt) {
        try (JsonParser parser = FACTORY.createParser(in)) {
            return new ResultsParser(new JsonCursor(parser, source), gt, warnings).parse();
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    static InputStream open(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(file.toString(), "", "is a directory, expected a JSON file");
            }
            return new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "", "file not found", e);
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "cannot be read: " + e, e);
        }
    }

    /** Parses the instances format. */
    private static final class GroundTruthParser {
        private final JsonCursor c;
        private final List<String> warnings;
        private final GroundTruth.Builder builder = GroundTruth.builder();
        private final double[] box = new double[4];
        private final Set<Long> categoryIds = new HashSet<>();
        private int missingArea;
        private boolean sawImages;
        private boolean sawAnnotations;
        private boolean sawCategories;

        GroundTruthParser(JsonCursor c, List<String> warnings) {
            this.c = c;
            this.warnings = warnings;
        }

        GroundTruth parse() {
            c.next();
            c.expect(JsonToken.START_OBJECT, "$", "a JSON object with images, annotations and categories");
            while (c.next() == JsonToken.FIELD_NAME) {
                String name = c.fieldName();
                c.next();
                switch (name) {
                    case "images" -> {
                        sawImages = true;
                        array("images", this::image);
                    }
                    case "annotations" -> {
                        sawAnnotations = true;
                        array("annotations", this::annotation);
                    }
                    case "categories" -> {
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
            GroundTruth gt;
            try {
                gt = builder.build();
            } catch (IllegalArgumentException e) {
                throw new InputException(c.source, "annotations", e.getMessage(), e);
            }
            checkReferences(gt);
            return gt;
        }

        private void checkReferences(GroundTruth gt) {
            long[] cats = gt.categoryIdColumn();
            int unknown = 0;
            int first = -1;
            for (int i = 0; i < cats.length; i++) {
                if (!categoryIds.contains(cats[i])) {
                    if (unknown++ == 0) {
                        first = i;
                    }
                }
            }
            if (unknown > 0) {
                warnings.add(c.source + ": " + unknown + " annotation(s) name a category that is not in 'categories'"
                        + " (first: annotations[" + first + "].category_id = " + cats[first] + "); they are not"
                        + " evaluated (pycocotools drops them too)");
            }
        }

        private void array(String name, ElementReader reader) {
            c.expect(JsonToken.START_ARRAY, name, "an array");
            ElementPath path = new ElementPath(name);
            int i = 0;
            while (c.next() != JsonToken.END_ARRAY) {
                if (c.current() == null) {
                    throw c.error(name, "unexpected end of input");
                }
                path.element(i);
                c.expect(JsonToken.START_OBJECT, path, "an object");
                reader.read(path);
                i++;
            }
        }

        private void image(ElementPath path) {
            Long id = null;
            int width = 0;
            int height = 0;
            String fileName = "";
            while (c.next() == JsonToken.FIELD_NAME) {
                String name = c.fieldName();
                c.next();
                switch (name) {
                    case "id" -> id = c.readLong(path.field("id"));
                    case "width" -> width = (int) nonNegative(path.field("width"), c.readLong(path.field("width")));
                    case "height" -> height = (int) nonNegative(path.field("height"), c.readLong(path.field("height")));
                    case "file_name" -> fileName = c.readString(path.field("file_name"));
                    default -> c.skipChildren();
                }
            }
            if (id == null) {
                throw c.error(path.field(null), "missing required field 'id'");
            }
            builder.addImage(id, width, height, fileName);
        }

        private long nonNegative(Object path, long v) {
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw c.error(path, "must be a non-negative integer, got " + v);
            }
            return v;
        }

        private void category(ElementPath path) {
            Long id = null;
            String name = "";
            String supercategory = "";
            while (c.next() == JsonToken.FIELD_NAME) {
                String field = c.fieldName();
                c.next();
                switch (field) {
                    case "id" -> id = c.readLong(path.field("id"));
                    case "name" -> name = c.readString(path.field("name"));
                    case "supercategory" -> supercategory = c.readString(path.field("supercategory"));
                    default -> c.skipChildren();
                }
            }
            if (id == null) {
                throw c.error(path.field(null), "missing required field 'id'");
            }
            if (!categoryIds.add(id)) {
                throw c.error(path.field("id"), "duplicate category id " + id);
            }
            builder.addCategory(new Category(id, name, supercategory));
        }

        private void annotation(ElementPath path) {
            Long id = null;
            Long imageId = null;
            Long categoryId = null;
            boolean hasBox = false;
            double area = Double.NaN;
            boolean crowd = false;
            boolean ignore = false;
            while (c.next() == JsonToken.FIELD_NAME) {
                String name = c.fieldName();
                c.next();
                switch (name) {
                    case "id" -> id = c.readLong(path.field("id"));
                    case "image_id" -> imageId = c.readLong(path.field("image_id"));
                    case "category_id" -> categoryId = c.readLong(path.field("category_id"));
                    case "bbox" -> {
                        c.readBox(path.field("bbox"), box);
                        hasBox = true;
                        if (box[2] < 0 || box[3] < 0) {
                            throw c.error(path, "width and height must not be negative, got "
                                    + box[2] + " x " + box[3]);
                        }
                    }
                    case "area" -> {
                        area = c.readFinite(path.field("area"));
                        if (area < 0) {
                            throw c.error(path, "must not be negative, got " + area);
                        }
                    }
                    case "iscrowd" -> crowd = c.readFlag(path.field("iscrowd"));
                    case "ignore" -> ignore = c.readFlag(path.field("ignore"));
                    default -> c.skipChildren();
                }
            }
            path.field(null);
            requireField(id, path, "id");
            requireField(imageId, path, "image_id");
            requireField(categoryId, path, "category_id");
            if (!hasBox) {
                throw c.error(path, "missing required field 'bbox'");
            }
            if (Double.isNaN(area)) {
                area = box[2] * box[3];
                missingArea++;
            }
            builder.addAnnotation(id, imageId, categoryId, box[0], box[1], box[2], box[3], area, crowd, ignore);
        }

        private void requireField(Object value, Object path, String field) {
            if (value == null) {
                throw c.error(path, "missing required field '" + field + "'");
            }
        }
    }

    /** Parses a results list. */
    private static final class ResultsParser {
        private final JsonCursor c;
        private final GroundTruth gt;
        private final List<String> warnings;
        private final Detections.Builder builder = Detections.builder();
        private final double[] box = new double[4];

        ResultsParser(JsonCursor c, GroundTruth gt, List<String> warnings) {
            this.c = c;
            this.gt = gt;
            this.warnings = warnings;
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

        private void listBody(String name) {
            ElementPath path = new ElementPath(name);
            int i = 0;
            while (c.next() != JsonToken.END_ARRAY) {
                if (c.current() == null) {
                    throw c.error(name, "unexpected end of input");
                }
                path.element(i);
                c.expect(JsonToken.START_OBJECT, path, "an object");
                detection(path);
                i++;
            }
        }

        private void detection(ElementPath path) {
            long imageId = 0;
            long categoryId = 0;
            boolean hasImage = false;
            boolean hasCategory = false;
            boolean hasBox = false;
            double score = Double.NaN;
            while (c.next() == JsonToken.FIELD_NAME) {
                String name = c.fieldName();
                c.next();
                switch (name) {
                    case "image_id" -> {
                        imageId = c.readLong(path.field("image_id"));
                        hasImage = true;
                        if (gt != null && !gt.hasImage(imageId)) {
                            throw c.error(path, "image " + imageId + " is not in the ground truth (pycocotools:"
                                    + " 'Results do not correspond to current coco set')");
                        }
                    }
                    case "category_id" -> {
                        categoryId = c.readLong(path.field("category_id"));
                        hasCategory = true;
                    }
                    case "bbox" -> {
                        c.readBox(path.field("bbox"), box);
                        hasBox = true;
                        if (box[2] < 0 || box[3] < 0) {
                            throw c.error(path, "width and height must not be negative, got "
                                    + box[2] + " x " + box[3]);
                        }
                    }
                    case "score" -> score = c.readFinite(path.field("score"));
                    default -> c.skipChildren();
                }
            }
            path.field(null);
            if (!hasImage) {
                throw c.error(path, "missing required field 'image_id'");
            }
            if (!hasCategory) {
                throw c.error(path, "missing required field 'category_id'");
            }
            if (!hasBox) {
                throw c.error(path, "missing required field 'bbox'");
            }
            if (Double.isNaN(score)) {
                throw c.error(path, "missing required field 'score'");
            }
            builder.add(imageId, categoryId, box[0], box[1], box[2], box[3], score);
        }
    }

    @FunctionalInterface
    private interface ElementReader {
        void read(ElementPath path);
    }
}
