package dev.deteval.eval.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.data.Category;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.internal.ColumnAccess;
import dev.deteval.eval.internal.SharedColumns;
import dev.deteval.eval.mask.Rle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads COCO JSON with Jackson's streaming parser straight into columns: instances-format ground truth
 * ({@code images}, {@code categories}, {@code annotations}) and results (a JSON array of
 * {@code {image_id, category_id, bbox, score}}, or an object whose {@code annotations} member is that
 * array). Fields not needed for the chosen {@link IouType} are skipped: a box reader never looks at
 * {@code segmentation} or {@code keypoints}.
 *
 * <p>For {@link IouType#SEGM}, ground-truth {@code segmentation}s (polygon lists rasterised at the image's
 * {@code height} x {@code width}, uncompressed or compressed RLE) become masks, and every result needs a
 * {@code segmentation} in RLE form; its area is the mask area and its box the mask's bounding box, unless
 * the first result has a {@code bbox}, in which case every result keeps its box and {@code w * h} as area
 * (pycocotools' {@code loadRes}). For {@link IouType#KEYPOINTS}, ground truths keep {@code keypoints} and
 * {@code num_keypoints}; results need {@code keypoints}, and their box is the extent of all their points
 * (area {@code w * h}), again unless the first result has a {@code bbox}. Segm and keypoint results are
 * parsed on one thread.
 *
 * <p>Every problem is an {@link InputException} naming the file, the JSON path with line and column,
 * and what is wrong. A reader instance collects warnings (for example a ground-truth annotation
 * without {@code area}, for which {@code w * h} is used); read them with {@link #warnings()}.
 */
public final class CocoJsonReader {

    private static final ColumnAccess COLUMNS = SharedColumns.access();

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    /** Bytes of the shortest box detection with one-digit numbers, {@code {"image_id":1,…,"score":1}}. */
    static final int MIN_DETECTION_BYTES = 58;

    /** How many annotations of unknown categories the warning about them names. */
    private static final int UNKNOWN_CATEGORY_EXAMPLES = 3;

    /** Inputs at least this large are parsed in parallel slices. */
    static final int PARALLEL_MIN_BYTES = 4 << 20;

    /** The largest slice of a results file aimed at (more slices are cut from larger files). */
    static final long MAX_SLICE_BYTES = 64L << 20;

    /** More slices than this (a file over 64 GiB) are not attempted: such a file is streamed. */
    private static final long MAX_SLICES = 1024;

    private final List<String> warnings = new ArrayList<>();
    private final IouType type;

    /** A reader for box evaluation. */
    public CocoJsonReader() {
        this(IouType.BBOX);
    }

    /** A reader that also keeps what {@code type} needs (masks or keypoints). */
    public CocoJsonReader(IouType type) {
        this.type = java.util.Objects.requireNonNull(type, "type");
    }

    /** Warnings collected by the reads so far. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * Reads a ground-truth file. The file is streamed through the parser, so memory holds the columns
     * being built and never the file itself; files of any size can be read (an error found after the
     * parse, such as an annotation of an unknown image, is placed by streaming the file once more).
     */
    public GroundTruth readGroundTruth(Path file) {
        return readGroundTruth(open(file), file.toString(), JsonSource.of(file));
    }

    /**
     * Reads ground truth held in memory, the counterpart of {@link #readResults(byte[], String, GroundTruth)}.
     *
     * @param bytes an instances file's content (UTF-8 JSON)
     * @param source the name used in error messages
     */
    public GroundTruth readGroundTruth(byte[] bytes, String source) {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            return new GroundTruthParser(new JsonCursor(parser, source), JsonSource.of(bytes), warnings, type).parse();
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads ground truth from a stream, which is read once and closed. Errors found only after the parse
     * (an annotation of an unknown image) name the JSON path but no line and column.
     *
     * @param source the name used in error messages
     */
    public GroundTruth readGroundTruth(InputStream in, String source) {
        return readGroundTruth(in, source, JsonSource.none());
    }

    private GroundTruth readGroundTruth(InputStream in, String source, JsonSource again) {
        try (JsonParser parser = FACTORY.createParser(in)) {
            return new GroundTruthParser(new JsonCursor(parser, source), again, warnings, type).parse();
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a results file and checks it against the ground truth: a detection whose image is not in
     * {@code gt} is an error (as in pycocotools). Detections whose category is not in {@code gt} are
     * kept; the evaluator counts them in a warning and leaves them out, as pycocotools drops them. A
     * large file is parsed in slices on several threads, each slice read by its own task; otherwise, and
     * to report an error exactly, the file is streamed. It is never held in memory as a whole, so its size
     * is not limited by the largest Java array.
     *
     * @param gt the ground truth to check against, or null to skip the checks
     */
    public Detections readResults(Path file, GroundTruth gt) {
        try (FileChannel channel = openForSlices(file)) {
            long[] cuts = channel == null ? null : fileCuts(channel);
            if (cuts != null) {
                Detections.Builder[] parts = new Detections.Builder[cuts.length / 2];
                byte[] first = slice(channel, cuts[0], cuts[1]);
                boolean firstHasBox = firstHasBox(first);
                java.util.stream.IntStream.range(0, parts.length).parallel().forEach(j ->
                        parts[j] = parseSliceQuietly(channel, cuts, j, j == 0 ? first : null, file.toString(), gt,
                                firstHasBox));
                if (java.util.Arrays.stream(parts).allMatch(java.util.Objects::nonNull)) {
                    return Detections.concat(parts);
                }
            }
        } catch (IOException e) {
            // a slice could not be read: the file is streamed below, which reports any real problem
        }
        return streamResults(file, gt, warnings).build();
    }

    /** A ground truth and the detections read against it. */
    public record Inputs(GroundTruth groundTruth, Detections detections) {
    }

    /**
     * Reads a ground-truth file and a results file at the same time: the ground truth and slices of the
     * results are parsed as parallel tasks, and the results' image ids are checked afterwards. A large
     * results list is cut at element boundaries guessed from windows of the file ({@link ArraySplitter});
     * each task reads its own slice, and every slice knows whether the file's first result has a bbox. A
     * small one is streamed beside the ground truth. The outcome — data, warnings, and the first error
     * with its place — is that of {@link #readGroundTruth(Path)} followed by
     * {@link #readResults(Path, GroundTruth)}: when a slice fails to parse or the results name an unknown
     * image, the results are streamed again in one piece, against the ground truth, to report it.
     */
    public Inputs readBoth(Path groundTruthFile, Path resultsFile) {
        try (FileChannel channel = openForSlices(resultsFile)) {
            long[] cuts = channel == null ? null : fileCuts(channel);
            if (cuts != null) {
                return readBoth(groundTruthFile, resultsFile, channel, cuts);
            }
        } catch (IOException e) {
            // closing failed: nothing was lost, the results are streamed below
        }
        GroundTruth[] gt = new GroundTruth[1];
        Detections.Builder[] parts = new Detections.Builder[1];
        java.util.stream.IntStream.rangeClosed(0, 1).parallel().forEach(j -> {
            if (j == 0) {
                gt[0] = readGroundTruth(groundTruthFile);
                return;
            }
            try {
                parts[0] = streamResults(resultsFile, null, new ArrayList<>());
            } catch (InputException e) {
                // left null: the results are read again below, against the ground truth, to report the error
            }
        });
        return joined(gt[0], parts, resultsFile);
    }

    /**
     * The sliced form of {@link #readBoth(Path, Path)}: each task reads its slice of the results file
     * itself, so the file is never held in one piece and reading overlaps parsing.
     */
    private Inputs readBoth(Path groundTruthFile, Path resultsFile, FileChannel channel, long[] cuts) {
        String source = resultsFile.toString();
        GroundTruth[] gt = new GroundTruth[1];
        Detections.Builder[] parts = new Detections.Builder[cuts.length / 2];
        byte[] first = null;
        try {
            first = slice(channel, cuts[0], cuts[1]);
        } catch (IOException e) {
            // every part stays null: the results are read again below, in one piece, to report it
        }
        byte[] firstSlice = first;
        boolean firstHasBox = first != null && firstHasBox(first);
        java.util.stream.IntStream.rangeClosed(0, first == null ? 0 : parts.length).parallel().forEach(j -> {
            if (j == 0) {
                gt[0] = readGroundTruth(groundTruthFile);
                return;
            }
            parts[j - 1] = parseSliceQuietly(channel, cuts, j - 1, j == 1 ? firstSlice : null, source, null,
                    firstHasBox);
        });
        return joined(gt[0], parts, resultsFile);
    }

    /** Slice {@code j} parsed, or null when it cannot be read or parsed (the caller then streams the file). */
    private Detections.Builder parseSliceQuietly(FileChannel channel, long[] cuts, int j, byte[] alreadyRead,
            String source, GroundTruth gt, boolean firstHasBox) {
        try {
            byte[] slice = alreadyRead != null ? alreadyRead : slice(channel, cuts[2 * j], cuts[2 * j + 1]);
            return parseSlice(slice, source, gt, firstHasBox);
        } catch (InputException | IOException e) {
            return null;
        }
    }

    /**
     * The detections of the parsed parts, when every part parsed and names known images; otherwise the
     * results streamed again in one piece against the ground truth, which reports the first error exactly.
     */
    private Inputs joined(GroundTruth gt, Detections.Builder[] parts, Path resultsFile) {
        if (java.util.Arrays.stream(parts).allMatch(java.util.Objects::nonNull)) {
            Detections dt = parts.length == 1 ? parts[0].build() : Detections.concat(parts);
            if (allImagesKnown(dt, gt)) {
                return new Inputs(gt, dt);
            }
        }
        return new Inputs(gt, streamResults(resultsFile, gt, warnings).build());
    }

    /** The results file parsed in one piece as it streams by, with exact places for every error. */
    private Detections.Builder streamResults(Path file, GroundTruth gt, List<String> warnings) {
        String source = file.toString();
        try (JsonParser parser = FACTORY.createParser(open(file))) {
            ResultsParser results = new ResultsParser(new JsonCursor(parser, source), gt, warnings, type);
            results.parse();
            return results.collected();
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** A channel on a results file worth slicing (several cores), or null. */
    private FileChannel openForSlices(Path file) {
        if (Runtime.getRuntime().availableProcessors() < 2 || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return FileChannel.open(file, java.nio.file.StandardOpenOption.READ);
        } catch (IOException e) {
            return null; // reported when the file is streamed
        }
    }

    /**
     * Slice bounds in the file behind {@code channel}, or null to stream it in one piece. At least two
     * slices per core; more for a file so large that slices would exceed {@link #MAX_SLICE_BYTES}, which
     * keeps each slice within a Java array and bounds the memory the slices in flight take.
     */
    private static long[] fileCuts(FileChannel channel) {
        try {
            long size = channel.size();
            if (size < PARALLEL_MIN_BYTES) {
                return null;
            }
            long parts = Math.max(2L * Runtime.getRuntime().availableProcessors(),
                    (size + MAX_SLICE_BYTES - 1) / MAX_SLICE_BYTES);
            if (parts > MAX_SLICES) {
                return null;
            }
            long[] cuts = ArraySplitter.split(channel, size, (int) parts);
            if (cuts == null || cuts.length <= 2) {
                return null;
            }
            for (int k = 0; k < cuts.length; k += 2) {
                if (cuts[k + 1] - cuts[k] > Integer.MAX_VALUE - 16) {
                    return null; // too few cuts were found: a slice would not fit in an array
                }
            }
            return cuts;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean allImagesKnown(Detections dt, GroundTruth gt) {
        long[] images = COLUMNS.imageIds(dt);
        long previous = Long.MIN_VALUE;
        for (long image : images) {
            if (image != previous && !gt.hasImage(image)) {
                return false;
            }
            previous = image;
        }
        return true;
    }

    /**
     * Reads results held in memory. Large inputs that are a plain JSON array are cut into slices at
     * guessed element boundaries ({@link ArraySplitter}) and parsed on several threads; the detections
     * keep their input order. If any slice fails (a wrong guess or bad input), the whole input is parsed
     * again in one piece, so the result and any error message are those of the sequential parse.
     *
     * @param bytes a results file's content (UTF-8 JSON)
     * @param source the name used in error messages
     * @param gt the ground truth the results must fit (image ids), or null to skip that check
     */
    public Detections readResults(byte[] bytes, String source, GroundTruth gt) {
        return readResults(bytes, source, gt, warnings);
    }

    /** Slice bounds for a parallel parse of {@code bytes}, or null to parse it in one piece. */
    private int[] cuts(byte[] bytes) {
        int threads = Runtime.getRuntime().availableProcessors();
        int[] cuts = bytes.length >= PARALLEL_MIN_BYTES && threads > 1
                ? ArraySplitter.split(bytes, bytes.length, 2 * threads) : null;
        return cuts != null && cuts.length > 2 ? cuts : null;
    }

    private Detections readResults(byte[] bytes, String source, GroundTruth gt, List<String> warnings) {
        int[] cuts = cuts(bytes);
        if (cuts != null) {
            try {
                Detections.Builder[] parts = new Detections.Builder[cuts.length / 2];
                byte[] first = slice(bytes, cuts[0], cuts[1]);
                boolean firstHasBox = firstHasBox(first);
                java.util.stream.IntStream.range(0, parts.length).parallel().forEach(j -> parts[j] = parseSlice(
                        j == 0 ? first : slice(bytes, cuts[2 * j], cuts[2 * j + 1]), source, gt, firstHasBox));
                return Detections.concat(parts);
            } catch (InputException e) {
                // fall through: the sequential parse reports the error with its exact place
            }
        }
        return parseAll(bytes, source, gt, warnings);
    }

    private Detections parseAll(byte[] bytes, String source, GroundTruth gt, List<String> warnings) {
        return collectAll(bytes, source, gt, warnings).build();
    }

    private Detections.Builder collectAll(byte[] bytes, String source, GroundTruth gt, List<String> warnings) {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            ResultsParser results = new ResultsParser(new JsonCursor(parser, source), gt, warnings, type);
            results.parse();
            return results.collected();
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The elements in {@code bytes[from, to)} between brackets, a JSON array of their own. */
    private static byte[] slice(byte[] bytes, int from, int to) {
        byte[] slice = new byte[to - from + 2];
        slice[0] = '[';
        System.arraycopy(bytes, from, slice, 1, to - from);
        slice[slice.length - 1] = ']';
        return slice;
    }

    /** The elements in the file's bytes {@code [from, to)} between brackets, read from {@code channel}. */
    private static byte[] slice(FileChannel channel, long from, long to) throws IOException {
        byte[] slice = new byte[Math.toIntExact(to - from + 2)];
        slice[0] = '[';
        ArraySplitter.readInto(channel, from, slice, 1, slice.length - 2);
        slice[slice.length - 1] = ']';
        return slice;
    }

    /**
     * Whether the first result of the file, the first element of its first slice, has a {@code bbox}:
     * pycocotools' loadRes decides from it how every result's box and area are found, so each slice
     * must know it before it starts.
     */
    private static boolean firstHasBox(byte[] firstSlice) {
        return JsonLocator.find(FACTORY, firstSlice, 0, "bbox") != null;
    }

    /**
     * Parses a slice as a list of detections, told whether the file's first result has a box. Box
     * columns are sized up front for one detection per {@value #MIN_DETECTION_BYTES} bytes (the
     * shortest complete one) when the results are boxes only.
     */
    private Detections.Builder parseSlice(byte[] slice, String source, GroundTruth gt, boolean firstHasBox) {
        try (JsonParser parser = FACTORY.createParser(slice)) {
            ResultsParser results = new ResultsParser(new JsonCursor(parser, source), gt, new ArrayList<>(),
                    type, type == IouType.BBOX ? slice.length / MIN_DETECTION_BYTES : 0, firstHasBox);
            results.parse();
            return results.collected().trimmed();
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads results from a stream; see {@link #readResults(Path, GroundTruth)}.
     *
     * @param gt the ground truth to check against, or null to skip the checks
     */
    public Detections readResults(InputStream in, String source, GroundTruth gt) {
        try (JsonParser parser = FACTORY.createParser(in)) {
            return new ResultsParser(new JsonCursor(parser, source), gt, warnings, type).parse();
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    static InputStream open(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputException(file.toString(), "", "is a directory, expected a JSON file");
        }
        try {
            return new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** Why {@code file} cannot be read, as an input error naming it. */
    static InputException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new InputException(file.toString(), "", "file not found", e);
        }
        if (e instanceof AccessDeniedException) {
            return new InputException(file.toString(), "", "cannot be read: permission denied", e);
        }
        if (e instanceof FileSystemException fse) {
            String reason = fse.getReason() != null ? fse.getReason() : fse.getMessage();
            return new InputException(file.toString(), "", "cannot be read: " + reason, e);
        }
        return new InputException(file.toString(), "", "cannot be read: " + e.getMessage(), e);
    }

    /** Parses the instances format. */
    private static final class GroundTruthParser {
        private final JsonCursor c;
        private final List<String> warnings;
        private final GroundTruth.Builder builder = GroundTruth.builder();
        private final double[] box = new double[4];
        /** The document again, to find the place of an error found after the parse. */
        private final JsonSource document;
        private final Set<Long> imageIds = new HashSet<>();
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

        GroundTruthParser(JsonCursor c, JsonSource document, List<String> warnings, IouType type) {
            this.c = c;
            this.document = document;
            this.warnings = warnings;
            this.type = type;
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
                if (java.util.Arrays.binarySearch(known, images[i]) < 0) {
                    throw errorAfterParse(i, "image_id", "image " + images[i] + " is not in 'images'");
                }
            }
        }

        /** An error at member {@code field} of annotation {@code i}, placed by walking the document again. */
        private InputException errorAfterParse(int i, String field, String problem) {
            String path = "annotations[" + i + "]." + field;
            return c.errorAt(path, JsonLocator.find(FACTORY, document, "annotations", i, field), problem);
        }

        /**
         * Turns the segmentations into masks now that every image's size is known: rasterised in parallel,
         * then stored in order, so that the first bad one in file order is the one reported.
         */
        private void resolveMasks() {
            int n = segmentations.size();
            Rle[] masks = new Rle[n];
            IllegalArgumentException[] failures = new IllegalArgumentException[n];
            java.util.stream.IntStream.range(0, n).parallel().forEach(j -> {
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
                if (java.util.Arrays.binarySearch(known, categories[i]) < 0) {
                    if (++unknown <= UNKNOWN_CATEGORY_EXAMPLES) {
                        examples.append(unknown > 1 ? ", " : "").append("annotations[").append(i)
                                .append("].category_id ").append(categories[i]);
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
            String path = at(base, index);
            Long id = null;
            JsonLocation idAt = null;
            int width = 0;
            int height = 0;
            String fileName = "";
            int seen = 0;
            while (c.next() == JsonToken.FIELD_NAME) {
                String name = c.fieldName();
                c.next();
                switch (name) {
                    case "id" -> {
                        seen = c.once(seen, 1, path, "id");
                        id = c.readLong(path + ".id");
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
                    default -> c.skipChildren();
                }
            }
            if (id == null) {
                throw c.error(path, "missing required field 'id'");
            }
            if (!imageIds.add(id)) {
                throw c.errorAt(path + ".id", idAt, "duplicate image id " + id);
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
            String path = at(base, index);
            Long id = null;
            JsonLocation idAt = null;
            String name = "";
            String supercategory = "";
            int seen = 0;
            while (c.next() == JsonToken.FIELD_NAME) {
                String field = c.fieldName();
                c.next();
                switch (field) {
                    case "id" -> {
                        seen = c.once(seen, 1, path, "id");
                        id = c.readLong(path + ".id");
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
                    default -> c.skipChildren();
                }
            }
            if (id == null) {
                throw c.error(path, "missing required field 'id'");
            }
            if (!categoryIds.add(id)) {
                throw c.errorAt(path + ".id", idAt, "duplicate category id " + id);
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
            double[] keypoints = null;
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
                        imageId = c.readLong(base, index, "image_id");
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
                            keypoints = keypoints(c, JsonCursor.join(base, index, "keypoints"));
                        } else {
                            c.skipChildren();
                        }
                    }
                    case "num_keypoints" -> {
                        if (type == IouType.KEYPOINTS) {
                            seen = c.once(seen, 512, base, index, "num_keypoints");
                            String at = JsonCursor.join(base, index, "num_keypoints");
                            numKeypoints = (int) nonNegative(at, c.readLong(at));
                        } else {
                            c.skipChildren();
                        }
                    }
                    case "category_id" -> {
                        seen = c.once(seen, 4, base, index, "category_id");
                        categoryId = c.readLong(base, index, "category_id");
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
                        seen = c.once(seen, 32, base, index, "iscrowd");
                        crowd = c.readFlag(base, index, "iscrowd");
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
                throw c.error(at(base, index), "missing required field 'bbox'");
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
                throw c.error(at(base, index), "missing required field 'segmentation' (segm evaluation)");
            }
            if (keypoints != null) {
                if (numKeypoints < 0) {
                    throw c.error(at(base, index), "missing required field 'num_keypoints' (keypoints evaluation)");
                }
                builder.keypoints(row, keypoints, numKeypoints);
            } else if (numKeypoints > 0) {
                throw c.error(at(base, index), "num_keypoints is " + numKeypoints
                        + " but there is no 'keypoints' field");
            }
        }

        private void requireField(int seen, int bit, String base, int index, String field) {
            if ((seen & bit) == 0) {
                throw c.error(at(base, index), "missing required field '" + field + "'");
            }
        }
    }

    /** Parses a results list. */
    private static final class ResultsParser {
        private final JsonCursor c;
        private final GroundTruth gt;
        private final List<String> warnings;
        private final Detections.Builder builder;
        private final double[] box = new double[4];
        private final IouType type;
        /** pycocotools' loadRes takes its bbox branch for every result when the first one has a bbox. */
        private boolean boxesFromFirst;
        /** Set by the caller (slices of a file): index 0 is then not the file's first result. */
        private final boolean firstKnown;

        /** A parser for a whole results list: its first result decides loadRes' rule. */
        ResultsParser(JsonCursor c, GroundTruth gt, List<String> warnings, IouType type) {
            this(c, gt, warnings, type, 0, null);
        }

        /**
         * A parser for a slice of a results file: {@code expected} is room for that many detections before
         * the columns grow, {@code firstHasBox} whether the file's first result has a bbox (null: the
         * first element parsed is the file's first result).
         */
        ResultsParser(JsonCursor c, GroundTruth gt, List<String> warnings, IouType type, int expected,
                Boolean firstHasBox) {
            this.c = c;
            this.gt = gt;
            this.warnings = warnings;
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
            double[] keypoints = null;
            long imageId = 0;
            long categoryId = 0;
            boolean hasBox = false;
            double score = Double.NaN;
            int seen = 0;
            while (c.next() == JsonToken.FIELD_NAME) {
                String name = c.fieldName();
                c.next();
                switch (name) {
                    case "image_id" -> {
                        seen = c.once(seen, 1, base, index, "image_id");
                        imageId = c.readLong(base, index, "image_id");
                        if (gt != null && !gt.hasImage(imageId)) {
                            throw c.error(at(base, index) + ".image_id", "image " + imageId + " is not in the"
                                    + " ground truth (pycocotools: 'Results do not correspond to current coco set')");
                        }
                    }
                    case "category_id" -> {
                        seen = c.once(seen, 2, base, index, "category_id");
                        categoryId = c.readLong(base, index, "category_id");
                    }
                    case "bbox" -> {
                        seen = c.once(seen, 4, base, index, "bbox");
                        c.readBox(base, index, "bbox", box);
                        hasBox = true;
                        if (box[2] < 0 || box[3] < 0) {
                            throw c.error(at(base, index) + ".bbox", "width and height must not be negative,"
                                    + " got " + box[2] + " x " + box[3]);
                        }
                    }
                    case "score" -> {
                        seen = c.once(seen, 8, base, index, "score");
                        score = c.readFinite(base, index, "score");
                    }
                    case "segmentation" -> {
                        if (type == IouType.SEGM) {
                            seen = c.once(seen, 16, base, index, "segmentation");
                            segmentation = SegmentationJson.read(c, at(base, index) + ".segmentation");
                        } else {
                            c.skipChildren();
                        }
                    }
                    case "keypoints" -> {
                        if (type == IouType.KEYPOINTS) {
                            seen = c.once(seen, 32, base, index, "keypoints");
                            keypoints = keypoints(c, at(base, index) + ".keypoints");
                        } else {
                            c.skipChildren();
                        }
                    }
                    default -> c.skipChildren();
                }
            }
            if ((seen & 1) == 0) {
                throw c.error(at(base, index), "missing required field 'image_id'");
            }
            if ((seen & 2) == 0) {
                throw c.error(at(base, index), "missing required field 'category_id'");
            }
            // only segm and keypoints need the first result's answer; slices are told it (firstKnown), as
            // their index 0 is not the file's. The type is tested first: box lists never reach the index test
            // (a branch taken once, late, in whichever slice holds the file's start)
            if (type != IouType.BBOX && !firstKnown && index == 0) {
                boxesFromFirst = hasBox;
            }
            if (!hasBox && (type == IouType.BBOX || boxesFromFirst)) {
                throw c.error(at(base, index), type == IouType.BBOX ? "missing required field 'bbox'"
                        : "missing required field 'bbox' (the first result has one, so pycocotools reads every"
                        + " result's box)");
            }
            if (Double.isNaN(score)) {
                throw c.error(at(base, index), "missing required field 'score'");
            }
            Rle mask = null;
            if (type == IouType.SEGM) {
                mask = resultMask(base, index, segmentation);
                if (!hasBox) {
                    System.arraycopy(mask.bbox(), 0, box, 0, 4);
                }
            } else if (type == IouType.KEYPOINTS) {
                if (keypoints == null) {
                    throw c.error(at(base, index), "missing required field 'keypoints' (keypoints evaluation)");
                }
                if (keypoints.length == 0) {
                    throw c.error(at(base, index) + ".keypoints", "keypoints must not be empty");
                }
                if (!hasBox) {
                    extent(keypoints, box);
                }
            }
            builder.add(imageId, categoryId, box[0], box[1], box[2], box[3], score);
            if (mask != null) {
                builder.mask(mask);
                if (!boxesFromFirst) {
                    builder.area(mask.area());
                }
            }
            if (keypoints != null) {
                builder.keypoints(keypoints);
            }
        }


        private Rle resultMask(String base, int index, SegmentationJson segmentation) {
            if (segmentation == null) {
                throw c.error(at(base, index), "missing required field 'segmentation' (segm evaluation)");
            }
            if (segmentation.isPolygon()) {
                throw c.error(segmentation.path(), "a result's segmentation must be RLE {counts, size}, not polygons");
            }
            try {
                return segmentation.toRle(0, 0);
            } catch (IllegalArgumentException e) {
                throw c.error(segmentation.path(), e.getMessage());
            }
        }

        /** pycocotools' loadRes box for keypoint results: the extent of all points, v = 0 included. */
        private static void extent(double[] kps, double[] out) {
            double x0 = Double.POSITIVE_INFINITY;
            double x1 = Double.NEGATIVE_INFINITY;
            double y0 = Double.POSITIVE_INFINITY;
            double y1 = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < kps.length; i += 3) {
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

    /** Reads a keypoints array: {@code [x, y, v]} triples, so a multiple of 3 numbers. */
    static double[] keypoints(JsonCursor c, String path) {
        double[] v = SegmentationJson.numbers(c, path);
        if (v.length % 3 != 0) {
            throw c.error(path, "keypoints must be [x, y, v] triples, got " + v.length
                    + " numbers (not a multiple of 3)");
        }
        return v;
    }

    /** The JSON path of element {@code index} of the array at {@code base}; built only for messages. */
    private static String at(String base, int index) {
        return JsonCursor.join(base, index, null);
    }

    @FunctionalInterface
    private interface ElementReader {
        /** Reads element {@code index} of the array at {@code base}. */
        void read(String base, int index);
    }
}
