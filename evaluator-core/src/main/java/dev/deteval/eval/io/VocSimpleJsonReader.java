package dev.deteval.eval.io;

import com.fasterxml.jackson.core.JsonToken;
import dev.deteval.eval.voc.VocDataset;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads ground truth in the {@code voc-simple/1} JSON form:
 * <pre>
 * {"format": "voc-simple/1", "classes": ["cat", "dog"],
 *  "images": [{"id": "000012", "objects": [{"name": "cat", "bbox": [xmin, ymin, xmax, ymax], "difficult": 0}]}]}
 * </pre>
 * Members may come in any order; members not listed here ({@code width}, {@code pose}, …) are skipped.
 */
final class VocSimpleJsonReader {

    static final String FORMAT = "voc-simple/1";

    private final JsonCursor c;
    private final List<String> classOverride;
    private final List<String> warnings;
    private final VocDataset.Builder raw = VocDataset.builder();
    private final Map<String, String> firstUse = new HashMap<>();
    private final double[] box = new double[4];
    private final Set<String> imageIds = new HashSet<>();
    private String objectName;
    private boolean objectDifficult;
    private List<String> declared;
    private String format;

    private VocSimpleJsonReader(JsonCursor c, List<String> classOverride, List<String> warnings) {
        this.c = c;
        this.classOverride = classOverride;
        this.warnings = warnings;
    }

    /**
     * @param classOverride the classes to evaluate, or null to use the file's {@code classes} (or the
     *     sorted object names when it has none)
     */
    static VocDataset read(InputStream in, String source, List<String> classOverride, List<String> warnings) {
        JsonCursor c = VocJson.open(in, source);
        try {
            return new VocSimpleJsonReader(c, classOverride, warnings).parse();
        } finally {
            VocJson.close(c);
        }
    }

    private VocDataset parse() {
        c.next();
        c.expect(JsonToken.START_OBJECT, "$", "a JSON object with \"format\": \"" + FORMAT + "\"");
        boolean sawImages = false;
        while (c.next() == JsonToken.FIELD_NAME) {
            String name = c.fieldName();
            c.next();
            switch (name) {
                case "format" -> format = c.readString("format");
                case "classes" -> declared = classes();
                case "images" -> {
                    sawImages = true;
                    images();
                }
                default -> c.skipChildren();
            }
        }
        VocJson.expectEnd(c);
        if (!FORMAT.equals(format)) {
            throw new InputException(c.source, format == null ? "$" : "format", format == null
                    ? "missing member 'format'; expected \"" + FORMAT + "\" (is this a VOC ground-truth file?)"
                    : "unsupported format \"" + format + "\", expected \"" + FORMAT + "\"");
        }
        if (!sawImages) {
            throw new InputException(c.source, "$", "missing required member 'images'");
        }
        return withClassOrder(raw.build());
    }

    private List<String> classes() {
        c.expect(JsonToken.START_ARRAY, "classes", "an array of class names");
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (c.next() != JsonToken.END_ARRAY) {
            String path = "classes[" + names.size() + "]";
            String name = c.readString(path);
            if (name.isEmpty()) {
                throw c.error(path, "class name must not be empty");
            }
            if (!seen.add(name)) {
                throw c.error(path, "class '" + name + "' is listed twice");
            }
            names.add(name);
        }
        return names;
    }

    private void images() {
        c.expect(JsonToken.START_ARRAY, "images", "an array");
        int i = 0;
        while (c.next() != JsonToken.END_ARRAY) {
            String path = "images[" + i + "]";
            c.expect(JsonToken.START_OBJECT, path, "an object");
            image(path);
            i++;
        }
    }

    private void image(String path) {
        String id = null;
        int image = -1;
        List<Pending> pending = List.of();
        while (c.next() == JsonToken.FIELD_NAME) {
            String name = c.fieldName();
            c.next();
            switch (name) {
                case "id" -> {
                    id = readImageId(path + ".id");
                    image = addImage(path + ".id", id);
                    pending.forEach(this::add);
                }
                case "objects" -> pending = objects(path + ".objects", image);
                default -> c.skipChildren();
            }
        }
        if (id == null) {
            throw c.error(path, "missing required field 'id'");
        }
    }

    private String readImageId(String path) {
        if (c.current() == JsonToken.VALUE_NUMBER_INT && !FORMAT.equals(format)) {
            throw c.error(path, "expected a string image id, got a number (COCO JSON? VOC ground truth in JSON"
                    + " needs \"format\": \"" + FORMAT + "\")");
        }
        return c.readString(path);
    }

    private int addImage(String path, String id) {
        if (id.isEmpty()) {
            throw c.error(path, "image id must not be empty");
        }
        if (!imageIds.add(id)) {
            throw c.error(path, "image '" + id + "' is listed twice");
        }
        return raw.addImage(id);
    }

    /**
     * Reads an image's objects. When the image's id is already known ({@code image >= 0}, the usual
     * order) they go straight into the builder; otherwise they are returned, to be added once it is.
     */
    private List<Pending> objects(String path, int image) {
        c.expect(JsonToken.START_ARRAY, path, "an array of objects");
        List<Pending> pending = new ArrayList<>();
        int i = 0;
        while (c.next() != JsonToken.END_ARRAY) {
            String p = path + "[" + i + "]";
            c.expect(JsonToken.START_OBJECT, p, "an object");
            object(p);
            String where = firstUse.containsKey(objectName) ? ""
                    : JsonCursor.where(p + ".name", c.parser.currentTokenLocation());
            if (image < 0) {
                pending.add(new Pending(objectName, box.clone(), objectDifficult, where));
            } else {
                add(image, objectName, box, objectDifficult, where);
            }
            i++;
        }
        return pending;
    }

    private void add(Pending o) {
        add(raw.imageCount() - 1, o.name, o.box, o.difficult, o.where);
    }

    private void add(int image, String name, double[] corners, boolean difficult, String where) {
        if (!firstUse.containsKey(name)) {
            firstUse.put(name, where);
        }
        raw.addObject(image, name, corners[0], corners[1], corners[2], corners[3], difficult);
    }

    /** Reads one object into {@link #objectName}, {@link #box} and {@link #objectDifficult}. */
    private void object(String path) {
        objectName = null;
        objectDifficult = false;
        boolean hasBox = false;
        while (c.next() == JsonToken.FIELD_NAME) {
            String field = c.fieldName();
            c.next();
            switch (field) {
                case "name" -> objectName = c.readString(path + ".name");
                case "bbox" -> {
                    VocJson.readCorners(c, path + ".bbox", box);
                    hasBox = true;
                }
                case "difficult" -> objectDifficult = c.readFlag(path + ".difficult");
                default -> c.skipChildren();
            }
        }
        if (objectName == null || objectName.isEmpty()) {
            throw c.error(path, "missing required field 'name'");
        }
        if (!hasBox) {
            throw c.error(path, "missing required field 'bbox'");
        }
    }

    /** An object read before its image's id. */
    private record Pending(String name, double[] box, boolean difficult, String where) {
    }

    /** Applies the class list: the override, else the file's {@code classes}, else sorted names. */
    private VocDataset withClassOrder(VocDataset all) {
        if (declared != null) {
            for (String name : all.classes()) {
                if (!declared.contains(name)) {
                    throw new InputException(c.source, firstUse.get(name), "class '" + name
                            + "' is not listed in 'classes' " + declared);
                }
            }
        }
        List<String> order = classOverride != null ? classOverride : declared;
        if (order == null) {
            return all;
        }
        VocDataset.Builder b = VocDataset.builder(order);
        for (int i = 0; i < all.imageCount(); i++) {
            b.addImage(all.imageId(i));
        }
        SkippedClasses skipped = new SkippedClasses();
        double[] boxes = all.boxColumn();
        int[] images = all.imageIndexColumn();
        int[] classes = all.classIndexColumn();
        boolean[] difficult = all.difficultColumn();
        for (int j = 0; j < all.objectCount(); j++) {
            String name = all.classes().get(classes[j]);
            if (!b.acceptsClass(name)) {
                skipped.add(name);
                continue;
            }
            b.addObject(images[j], name, boxes[4 * j], boxes[4 * j + 1], boxes[4 * j + 2], boxes[4 * j + 3],
                    difficult[j]);
        }
        skipped.report(warnings, c.source, "object(s)");
        return b.build();
    }
}
