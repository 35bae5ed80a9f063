package dev.deteval.eval.io;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reads a YOLO / Ultralytics detection dataset and predictions for it, as COCO-style ground truth and
 * detections (pixel boxes), so that they are evaluated with the COCO rules.
 *
 * <p><b>Dataset</b> ({@link #readGroundTruth(Path)}): an Ultralytics dataset YAML file with
 * <ul>
 *   <li>{@code path}: the dataset root, relative to the YAML file's folder or absolute (default: that folder);</li>
 *   <li>the split to evaluate ({@code val} unless {@link #withSplit} says otherwise): a folder of images, a
 *       {@code .txt} file listing images, or a list of those, relative to the root;</li>
 *   <li>{@code names}: a list of class names, or a map from class index (0, 1, …) to name; or only {@code nc},
 *       the number of classes (then named {@code class_0}, {@code class_1}, …).</li>
 * </ul>
 * Each image's labels are in the file found by replacing the last {@code /images/} of its path by
 * {@code /labels/} and its extension by {@code .txt}; an image without a label file has no objects. Image
 * sizes come from the image files' headers (no pixel is decoded). Label lines and their conversion to pixels
 * are described in {@link YoloLabels}: {@code x = W·(cx − w/2)}, {@code y = H·(cy − h/2)}, width {@code W·w},
 * height {@code H·h}, continuous coordinates. Category ids are the class indices, names from the YAML file.
 * Image ids are the file names' stems when every stem is a whole number (as in COCO's
 * {@code 000000000139.jpg}) and they differ; otherwise 1, 2, … in the sorted order of the image paths. Each
 * image's {@code file_name} is its path relative to the root. Annotation ids are 1, 2, … in reading order.
 *
 * <p><b>Predictions</b> ({@link #readDetections(Path, GroundTruth)}): a folder of {@code <stem>.txt} files
 * with lines {@code class cx cy w h confidence}, as Ultralytics writes them with {@code save_txt} and
 * {@code save_conf} (a run folder holding such a {@code labels/} folder is accepted too); or a COCO results
 * JSON file whose {@code image_id} and {@code category_id} are the ids described above.
 *
 * <p>Every problem is an {@link InputException} naming the file and the line (YAML: line and column).
 */
public final class YoloReader {

    private final String split;
    private final List<String> warnings = new ArrayList<>();
    private Origins origins = new Origins();
    private Path root;

    /** A reader of the {@code val} split. */
    public YoloReader() {
        this("val");
    }

    private YoloReader(String split) {
        this.split = split;
    }

    /** A reader of split {@code name} ({@code train}, {@code val}, {@code test}). */
    public YoloReader withSplit(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("split name must not be empty");
        }
        return new YoloReader(name);
    }

    /** Warnings collected by the reads so far. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Whether {@code file} looks like a dataset YAML file (its name ends in .yaml or .yml). */
    public static boolean isDatasetYaml(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** Reads the split's images and labels; categories are the YAML file's classes. */
    public GroundTruth readGroundTruth(Path yamlFile) {
        if (!Files.isRegularFile(yamlFile)) {
            throw new InputException(yamlFile.toString(), "", Files.exists(yamlFile) ? "is not a file" : "file not found");
        }
        YoloYaml yaml = YoloYaml.read(yamlFile, split);
        List<Path> images = YoloImages.list(yamlFile, yaml.sources());
        long[] ids = ImageIds.of(images.stream().map(YoloImages::stem).toList());
        GroundTruth.Builder b = GroundTruth.builder();
        for (int k = 0; k < yaml.names().size(); k++) {
            b.addCategory(k, yaml.names().get(k));
        }
        origins = new Origins();
        root = yaml.root();
        long[] nextId = {1};
        int polygons = 0;
        for (int i = 0; i < images.size(); i++) {
            Path image = images.get(i);
            int[] size = ImageHeaders.size(image);
            b.addImage(ids[i], size[0], size[1], fileName(yaml.root(), image));
            polygons += YoloLabels.readGroundTruth(YoloImages.labelFile(image), ids[i], size, yaml.names().size(), b,
                    nextId, origins);
        }
        if (polygons > 0) {
            warnings.add(yamlFile + ": " + polygons + " polygon label(s) evaluated by their bounding boxes");
        }
        return b.build();
    }

    /**
     * Reads predictions for {@code gt} (read by {@link #readGroundTruth}): a folder of YOLO txt files, or a
     * COCO results JSON file.
     */
    public Detections readDetections(Path path, GroundTruth gt) {
        if (!Files.isDirectory(path)) {
            CocoJsonReader json = new CocoJsonReader();
            Detections d = json.readResults(path, gt);
            warnings.addAll(json.warnings());
            return d;
        }
        Path folder = path;
        if (txtFiles(folder).isEmpty() && Files.isDirectory(folder.resolve("labels"))) {
            folder = folder.resolve("labels");
        }
        Map<String, Integer> byStem = imagesByStem(gt, path);
        Detections.Builder out = Detections.builder();
        for (Path file : txtFiles(folder)) {
            String stem = YoloImages.stem(file);
            Integer image = byStem.get(stem);
            if (image == null) {
                throw new InputException(file.toString(), "", "no image named '" + stem + ".*' in the ground truth's"
                        + " split '" + split + "'");
            }
            int[] size = {gt.imageWidth(image), gt.imageHeight(image)};
            YoloLabels.readPredictions(file, gt.imageId(image), size, gt.categories().size(), out);
        }
        return out.build();
    }

    /** The label file and line of each annotation of the last ground truth read. */
    Origins origins() {
        return origins;
    }

    /** The dataset root of the last ground truth read (image file names are relative to it). */
    Path root() {
        return root;
    }

    private static List<Path> txtFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new InputException(folder.toString(), "", "cannot be listed: " + e.getMessage(), e);
        }
    }

    private static Map<String, Integer> imagesByStem(GroundTruth gt, Path predictions) {
        Map<String, Integer> byStem = new HashMap<>();
        for (int i = 0; i < gt.imageCount(); i++) {
            String name = gt.imageFileName(i);
            String stem = YoloImages.stem(Path.of(name));
            Integer before = byStem.putIfAbsent(stem, i);
            if (before != null) {
                throw new InputException(predictions.toString(), "", "images " + gt.imageFileName(before) + " and "
                        + name + " have the same stem '" + stem + "', so <stem>.txt predictions cannot tell them"
                        + " apart; use a COCO results JSON file instead");
            }
        }
        return byStem;
    }

    private static String fileName(Path root, Path image) {
        Path abs = image.toAbsolutePath().normalize();
        Path rel = abs.startsWith(root) ? root.relativize(abs) : abs;
        return rel.toString().replace(rel.getFileSystem().getSeparator(), "/");
    }
}
