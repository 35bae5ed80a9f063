package dev.deteval.eval.io;

import dev.deteval.eval.data.GroundTruth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Converts ground truth between COCO instances JSON, YOLO / Ultralytics datasets and VOC devkit folders. The
 * source is read into COCO-style {@link GroundTruth} (pixel boxes {@code [x, y, w, h]}, continuous
 * coordinates) and written in the target format, so every conversion goes through the same two documented
 * mappings: {@link YoloReader} / {@link YoloDatasetWriter} for YOLO's normalised centres, and
 * {@link VocGroundTruthReader} / {@link VocDevkitWriter} for VOC's corners.
 *
 * <p>No annotation is dropped: every one is written, or the conversion stops with an {@link InputException}
 * naming the file and the place of the one that cannot be written (a category without a class, a box outside
 * the image for YOLO, a box under one pixel for VOC's pixel corners). What a format cannot hold (YOLO has no
 * crowd or difficult flag; the targets keep boxes only) is reported in {@link Result#warnings()}. A folder
 * target (YOLO, VOC) appears whole or not at all: it is written beside the target and renamed into place, and
 * must not exist yet or be an empty folder. A COCO target is one file, written through {@link AtomicFile}.
 */
public final class DatasetConverter {

    /** A dataset format. */
    public enum Format {
        /** COCO instances JSON (a file). */
        COCO,
        /** A YOLO / Ultralytics dataset: its YAML file as input, a folder as output. */
        YOLO,
        /** A VOC devkit folder ({@code Annotations/}, {@code ImageSets/Main/}). */
        VOC;

        /** {@code coco}, {@code yolo} or {@code voc}, in any letter case. */
        public static Format parse(String text) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(text)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("format '" + text + "': expected coco, yolo or voc");
        }

        /** The lower-case name. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Settings of a conversion.
     *
     * @param split the YOLO split read from or written to (null: {@code val})
     * @param imageSet the VOC image set read (null: the only one) or written (null: {@code val})
     * @param vocPixel true for VOC's 1-based inclusive pixel corners (the devkit's), false for continuous corners
     * @param images the folder the source's image files are in (their {@code file_name} is resolved against it),
     *     or null: then a YOLO source's own images and a VOC source's {@code JPEGImages/} are used when present
     */
    public record Options(String split, String imageSet, boolean vocPixel, Path images) {

        /** The defaults: split and image set {@code val}, pixel corners, images found where they usually are. */
        public static Options defaults() {
            return new Options(null, null, true, null);
        }

        /** Checks the names: plain file names. */
        public Options {
            for (String name : new String[] {split, imageSet}) {
                if (name != null && (name.isBlank() || name.contains("/") || name.contains("\\") || name.equals(".")
                        || name.equals(".."))) {
                    throw new IllegalArgumentException("split and image set names must be plain names, got '" + name
                            + "'");
                }
            }
        }
    }

    /**
     * What was converted.
     *
     * @param images the number of images written
     * @param annotations the number of annotations written (always all of the source's)
     * @param categories the number of categories written
     * @param warnings what the target format could not hold, and other notes
     */
    public record Result(int images, int annotations, int categories, List<String> warnings) {

        /** Copies the warnings. */
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private DatasetConverter() {
    }

    /**
     * Converts the dataset at {@code input} ({@code from}) into {@code output} ({@code to}).
     *
     * @throws InputException when the source cannot be read, or holds an annotation that cannot be converted
     * @throws OutputException when the target cannot be written (nothing of it is left behind)
     */
    public static Result convert(Format from, Path input, Format to, Path output, Options options) {
        Objects.requireNonNull(options, "options");
        List<String> warnings = new ArrayList<>();
        Source source = read(from, input, options, warnings);
        GroundTruth gt = source.gt();
        String name = input.toString();
        String split = options.split() == null ? "val" : options.split();
        switch (to) {
            case COCO -> CocoGroundTruthWriter.write(gt, output);
            case YOLO -> YoloDatasetWriter.write(gt, source.origins(), name, output, split, source.images(), warnings);
            case VOC -> VocDevkitWriter.write(gt, source.origins(), name, output,
                    options.imageSet() == null ? split : options.imageSet(), options.vocPixel(), source.images(), warnings);
            default -> throw new IllegalStateException(to.toString());
        }
        return new Result(gt.imageCount(), gt.annotationCount(), gt.categories().size(), warnings);
    }

    private record Source(GroundTruth gt, Origins origins, Path images) {
    }

    private static Source read(Format from, Path input, Options options, List<String> warnings) {
        switch (from) {
            case COCO -> {
                CocoJsonReader reader = new CocoJsonReader();
                GroundTruth gt = reader.readGroundTruth(input);
                warnings.addAll(reader.warnings());
                return new Source(gt, Origins.coco(input.toString(), gt.annotationCount()), options.images());
            }
            case YOLO -> {
                if (Files.isDirectory(input)) {
                    throw new InputException(input.toString(), "", "is a folder; a YOLO dataset is read from its"
                            + " dataset YAML file");
                }
                YoloReader reader = options.split() == null ? new YoloReader() : new YoloReader().withSplit(options.split());
                GroundTruth gt = reader.readGroundTruth(input);
                warnings.addAll(reader.warnings());
                return new Source(gt, reader.origins(), options.images() != null ? options.images() : reader.root());
            }
            case VOC -> {
                VocGroundTruthReader.Read read = VocGroundTruthReader.read(input, options.imageSet(), options.vocPixel(),
                        warnings);
                Path jpegs = input.resolve("JPEGImages");
                Path images = options.images() != null ? options.images() : Files.isDirectory(jpegs) ? jpegs : null;
                return new Source(read.groundTruth(), read.origins(), images);
            }
            default -> throw new IllegalStateException(from.toString());
        }
    }
}
