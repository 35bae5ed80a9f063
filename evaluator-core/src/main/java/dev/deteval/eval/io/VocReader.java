package dev.deteval.eval.io;

import dev.deteval.eval.voc.VocDataset;
import dev.deteval.eval.voc.VocDetections;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads Pascal VOC ground truth and detections.
 *
 * <p><b>Ground truth</b> ({@link #readGroundTruth(Path)}) comes as either
 * <ul>
 *   <li>a <b>devkit folder</b> holding {@code Annotations/<id>.xml} and {@code ImageSets/Main/<set>.txt}
 *       (for example {@code VOCdevkit/VOC2007}): the set file lists the image ids to evaluate, one per
 *       line, and only their XML files are read. The set is the one named with {@link #withImageSet},
 *       or else the only {@code .txt} file in {@code ImageSets/Main/}. Of each {@code <object>} the
 *       reader takes {@code <name>}, {@code <difficult>} (0 when absent) and
 *       {@code <bndbox>}{@code <xmin>}, {@code <ymin>}, {@code <xmax>}, {@code <ymax>}; or</li>
 *   <li>a <b>{@code voc-simple/1} JSON file</b>:
 *       {@code {"format": "voc-simple/1", "classes": [...], "images": [{"id": "000012", "objects":
 *       [{"name": "cat", "bbox": [xmin, ymin, xmax, ymax], "difficult": 0}]}]}}.</li>
 * </ul>
 * Boxes are VOC pixel coordinates {@code [xmin, ymin, xmax, ymax]}: 1-based and inclusive in the VOC
 * data (fractions are accepted). The evaluator's {@link dev.deteval.eval.voc.BoxConvention} decides
 * whether widths get the +1. The class order (which fixes the mAP order) is the list given with
 * {@link #withClasses}, else the JSON file's {@code classes}, else the class names sorted; objects of
 * classes outside a given list are skipped and counted in a warning.
 *
 * <p><b>Detections</b> ({@link #readDetections(Path, VocDataset)}) come as either a <b>results
 * folder</b> with one devkit file {@code det_<set>_<class>.txt} per class (a prefix such as
 * {@code comp4_} is allowed: {@code comp4_det_test_car.txt}), lines
 * {@code <image id> <score> <xmin> <ymin> <xmax> <ymax>}; the set is the one given with
 * {@link #withImageSet}, else found from the file names (the only set with a file for every class).
 * Every class needs its file, an empty file meaning no detections. Or they come as a <b>JSON list</b>
 * {@code [{"image": "000012", "name": "cat", "score": 0.91, "bbox": [xmin, ymin, xmax, ymax]}]}.
 * A detection on an image that is not in the ground truth is an error (voc_eval.py fails on it too).
 * A detection of a class that is not among the ground truth's classes is skipped and counted in a
 * warning: it could not change any class's AP.
 *
 * <p>Every problem is an {@link InputException} naming the file, the place (JSON path with line and
 * column, XML line, or text line) and what is wrong. A reader collects warnings in {@link #warnings()};
 * the {@code with*} methods return a new reader with fresh warnings.
 */
public final class VocReader {

    private final String imageSet;
    private final List<String> classes;
    private final List<String> warnings = new ArrayList<>();

    /** A reader that finds the image set and takes the classes from the data. */
    public VocReader() {
        this(null, null);
    }

    private VocReader(String imageSet, List<String> classes) {
        this.imageSet = imageSet;
        this.classes = classes;
    }

    /**
     * A reader for image set {@code name}: {@code ImageSets/Main/<name>.txt} and
     * {@code det_<name>_<class>.txt}.
     */
    public VocReader withImageSet(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("image set name must be a plain file name without .txt, got '"
                    + name + "'");
        }
        return new VocReader(name, classes);
    }

    /** A reader that evaluates exactly these classes, in this (mAP) order. */
    public VocReader withClasses(List<String> names) {
        VocDataset.builder(names); // validates: non-empty, unique names
        return new VocReader(imageSet, List.copyOf(names));
    }

    /** Warnings collected by the reads so far. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Reads ground truth from a devkit folder or a {@code voc-simple/1} JSON file. */
    public VocDataset readGroundTruth(Path path) {
        return Files.isDirectory(path) ? readDevkit(path) : readSimpleJson(path);
    }

    /** Reads ground truth from a devkit folder ({@code Annotations/}, {@code ImageSets/Main/}). */
    public VocDataset readDevkit(Path folder) {
        return VocDevkitReader.read(folder, imageSet, classes, warnings);
    }

    /** Reads ground truth from a {@code voc-simple/1} JSON file. */
    public VocDataset readSimpleJson(Path file) {
        try (InputStream in = InputFiles.open(file)) {
            return readSimpleJson(in, file.toString());
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code voc-simple/1} ground truth from a stream.
     *
     * @param source the name used in messages
     */
    public VocDataset readSimpleJson(InputStream in, String source) {
        return VocSimpleJsonReader.read(in, source, classes, warnings);
    }

    /** Reads detections from a results folder or a JSON file, for the images and classes of {@code gt}. */
    public VocDetections readDetections(Path path, VocDataset gt) {
        return Files.isDirectory(path) ? readResultsFolder(path, gt) : readDetectionsJson(path, gt);
    }

    /** Reads the {@code det_<set>_<class>.txt} files of a folder. */
    public VocDetections readResultsFolder(Path folder, VocDataset gt) {
        return VocResultsFolderReader.read(folder, gt, imageSet, warnings);
    }

    /** Reads a JSON list of detections. */
    public VocDetections readDetectionsJson(Path file, VocDataset gt) {
        try (InputStream in = InputFiles.open(file)) {
            return readDetectionsJson(in, file.toString(), gt);
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a JSON list of detections from a stream.
     *
     * @param source the name used in messages
     */
    public VocDetections readDetectionsJson(InputStream in, String source, VocDataset gt) {
        return VocDetectionsJsonReader.read(in, source, gt, warnings);
    }
}
