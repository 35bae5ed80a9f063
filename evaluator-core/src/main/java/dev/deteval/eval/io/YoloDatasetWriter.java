package dev.deteval.eval.io;

import dev.deteval.eval.data.Category;
import dev.deteval.eval.data.GroundTruth;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes ground truth as a YOLO / Ultralytics dataset folder: {@code data.yaml} ({@code path: .}, the split
 * as {@code images/<split>}, {@code names} as a map from class index to name), {@code labels/<split>/<stem>.txt}
 * for every image (empty when it has no objects) and, when the images' folder is known, a copy of each image
 * in {@code images/<split>/}.
 *
 * <p>Class index {@code k} is the {@code k}-th category in ascending id order. A label line is
 * {@code k cx cy w h} with {@code cx = (x + w/2)/W}, {@code cy = (y + h/2)/H}, {@code w/W}, {@code h/H}
 * (the inverse of {@link YoloLabels}), written with 12 significant digits; values within 10⁻⁹ outside
 * [0, 1] are clamped, anything further out is an error naming the annotation's origin. YOLO has no crowd or
 * difficult flag: such annotations become ordinary labels and are counted in a warning.
 */
final class YoloDatasetWriter {

    private static final double SLACK = 1e-9;

    private YoloDatasetWriter() {
    }

    static void write(GroundTruth gt, Origins origins, String source, Path target, String split, Path images,
            List<String> warnings) {
        ImageNames names = ImageNames.of(gt, source);
        Map<Long, Integer> classOf = classIndices(gt);
        String[] labels = labels(gt, origins, classOf);
        int[][] byImage = ImageNames.byImage(gt);
        try (StagedFolder out = StagedFolder.create(target)) {
            AtomicFile.write(out.file("data.yaml"), o -> {
                Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
                w.write(yaml(gt, split));
                w.flush();
            });
            for (int i = 0; i < gt.imageCount(); i++) {
                StringBuilder text = new StringBuilder();
                for (int a : byImage[i]) {
                    text.append(labels[a]).append('\n');
                }
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                AtomicFile.write(out.file("labels/" + split + "/" + names.stem(i) + ".txt"), o -> o.write(bytes));
                if (images != null) {
                    ImageNames.copy(gt, i, images, out.file("images/" + split + "/" + names.baseName(i)));
                }
            }
            out.commit();
        }
        int flagged = 0;
        for (boolean c : gt.crowdColumn()) {
            flagged += c ? 1 : 0;
        }
        if (flagged > 0) {
            warnings.add(flagged + " crowd/difficult annotation(s) written as ordinary YOLO labels (YOLO has no such"
                    + " flag)");
        }
        if (images == null) {
            warnings.add("images not copied (no images folder given): put them into " + target.resolve("images")
                    .resolve(split) + "; YOLO reads the image sizes from them");
        }
    }

    private static Map<Long, Integer> classIndices(GroundTruth gt) {
        long[] ids = gt.categories().stream().mapToLong(Category::id).sorted().toArray();
        Map<Long, Integer> classOf = new HashMap<>();
        for (int k = 0; k < ids.length; k++) {
            classOf.put(ids[k], k);
        }
        return classOf;
    }

    private static String yaml(GroundTruth gt, String split) {
        Map<Integer, String> names = new LinkedHashMap<>();
        gt.categories().stream().sorted((a, b) -> Long.compare(a.id(), b.id()))
                .forEach(c -> names.put(names.size(), c.name()));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("path", ".");
        doc.put(split, "images/" + split);
        doc.put("names", names);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return "# written by deteval convert; class k is the k-th category by ascending COCO id\n"
                + new Yaml(options).dump(doc);
    }

    private static String[] labels(GroundTruth gt, Origins origins, Map<Long, Integer> classOf) {
        long[] images = gt.imageIdColumn();
        long[] categories = gt.categoryIdColumn();
        double[] boxes = gt.boxColumn();
        Map<Long, Integer> imageIndex = new HashMap<>();
        for (int i = 0; i < gt.imageCount(); i++) {
            imageIndex.put(gt.imageId(i), i);
        }
        String[] lines = new String[categories.length];
        for (int a = 0; a < lines.length; a++) {
            Integer cls = classOf.get(categories[a]);
            if (cls == null) {
                throw origins.error(a, "category " + categories[a] + " is not among the categories, so it has no"
                        + " YOLO class index");
            }
            int i = imageIndex.get(images[a]);
            double width = gt.imageWidth(i);
            double height = gt.imageHeight(i);
            if (width <= 0 || height <= 0) {
                throw origins.error(a, "image " + images[a] + " has no width and height; YOLO boxes are fractions"
                        + " of the image size");
            }
            double x = boxes[4 * a];
            double y = boxes[4 * a + 1];
            double w = boxes[4 * a + 2];
            double h = boxes[4 * a + 3];
            double[] v = {(x + w / 2) / width, (y + h / 2) / height, w / width, h / height};
            StringBuilder line = new StringBuilder().append(cls);
            for (double value : v) {
                if (value < -SLACK || value > 1 + SLACK) {
                    throw origins.error(a, "box [" + x + ", " + y + ", " + w + ", " + h + "] gives YOLO values "
                            + "outside [0, 1] in the " + (int) width + " x " + (int) height + " image");
                }
                line.append(' ').append(DecimalText.of(Math.min(1, Math.max(0, value))));
            }
            lines[a] = line.toString();
        }
        return lines;
    }
}
