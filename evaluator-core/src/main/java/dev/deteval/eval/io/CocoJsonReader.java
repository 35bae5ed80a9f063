package dev.deteval.eval.io;

import com.fasterxml.jackson.core.JsonParser;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.internal.ColumnAccess;
import dev.deteval.eval.internal.SharedColumns;
import dev.deteval.eval.internal.WorkQueue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
 * the first result has a {@code bbox}, in which case every result keeps its box and {@code w * h} as area,
 * and may give its segmentation as polygons (rasterised at its image's size) or none at all (its box is
 * then rasterised as a polygon), as pycocotools' {@code loadRes} and {@code evaluate()} do. For
 * {@link IouType#KEYPOINTS}, ground truths keep {@code keypoints} and
 * {@code num_keypoints}; results need {@code keypoints}, and their box is the extent of all their points
 * (area {@code w * h}), again unless the first result has a {@code bbox}.
 *
 * <p>Image and category ids are numbers or strings, as pycocotools accepts any type used the same way in
 * both files. String ids are numbered 1..n in Python's sort order ({@link dev.deteval.eval.data.TextIds}),
 * which the ground truth keeps with their strings; results with string ids, like result polygons, are
 * therefore read against the ground truth. Ids of different types within a file or between the two files
 * are an error naming both places.
 *
 * <p>Large results lists are cut into slices that are parsed on several threads; the outcome (data,
 * warnings, and the first error with its place) is always that of one sequential parse.
 *
 * <p>Every problem is an {@link InputException} naming the file, the JSON path with line and column,
 * and what is wrong. A reader instance collects warnings (for example a ground-truth annotation
 * without {@code area}, for which {@code w * h} is used); read them with {@link #warnings()}.
 */
public final class CocoJsonReader {

    private static final ColumnAccess COLUMNS = SharedColumns.access();

    private final List<String> warnings = new ArrayList<>();
    private final IouType type;
    private final Slicing slicing;
    /** Slices the last results read was parsed in; 0 when it was parsed in one piece. */
    private int lastSliceCount;

    /** A reader for box evaluation. */
    public CocoJsonReader() {
        this(IouType.BBOX);
    }

    /** A reader that also keeps what {@code type} needs (masks or keypoints). */
    public CocoJsonReader(IouType type) {
        this(type, Slicing.ofMachine());
    }

    /** A reader that cuts results as {@code slicing} says (tests force slicing on any machine with it). */
    CocoJsonReader(IouType type, Slicing slicing) {
        this.type = Objects.requireNonNull(type, "type");
        this.slicing = Objects.requireNonNull(slicing, "slicing");
    }

    /** Warnings collected by the reads so far. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** How many slices the last read of results was parsed in: 0 when it was parsed in one piece. */
    int lastSliceCount() {
        return lastSliceCount;
    }

    /**
     * Reads a ground-truth file. A regular file of at most {@value #IN_MEMORY_LIMIT} bytes is read whole and
     * parsed from memory (the parser then never waits for a refill in the middle of a token); a larger file,
     * a pipe or a device is streamed through the parser, so memory holds the columns being built and never
     * the file itself, and files of any size can be read. An error found after the parse, such as an
     * annotation of an unknown image, is placed by reading the file once more.
     */
    public GroundTruth readGroundTruth(Path file) {
        byte[] bytes = smallFile(file);
        if (bytes != null) {
            return readGroundTruth(bytes, file.toString());
        }
        return readGroundTruth(InputFiles.open(file), file.toString(), JsonSource.of(file));
    }

    /** Ground-truth files up to this size (64 MiB) are parsed from memory: about 1.5x COCO val2017's. */
    static final long IN_MEMORY_LIMIT = 64L << 20;

    /** The bytes of a regular file of at most {@link #IN_MEMORY_LIMIT} bytes, or null to stream it. */
    private static byte[] smallFile(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > IN_MEMORY_LIMIT) {
                return null;
            }
            return Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            return null; // streaming reports any real problem with the file, with its reason
        }
    }

    /**
     * Reads ground truth held in memory, the counterpart of {@link #readResults(byte[], String, GroundTruth)}.
     *
     * @param bytes an instances file's content (UTF-8 JSON)
     * @param source the name used in error messages
     */
    public GroundTruth readGroundTruth(byte[] bytes, String source) {
        try (JsonParser parser = CocoJson.FACTORY.createParser(bytes)) {
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
        try (JsonParser parser = CocoJson.FACTORY.createParser(in)) {
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
     * @param gt the ground truth to check against, or null to skip the checks (results with string ids or
     *     polygon segmentations then fail, as they need it)
     */
    public Detections readResults(Path file, GroundTruth gt) {
        return readResults(file, gt, null);
    }

    /** {@link #readResults(Path, GroundTruth)}; messages name the ground truth's file {@code gtSource} if given. */
    private Detections readResults(Path file, GroundTruth gt, String gtSource) {
        lastSliceCount = 0;
        try (FileChannel channel = slicing.open(file)) {
            long[] cuts = channel == null ? null : slicing.cuts(channel);
            if (cuts != null) {
                Detections.Builder[] parts = new Detections.Builder[cuts.length / 2];
                byte[] first = SliceParser.slice(channel, cuts[0], cuts[1]);
                SliceParser slices = new SliceParser(type, file.toString(), gt, gtSource,
                        SliceParser.firstHasBox(first));
                WorkQueue.run(parts.length, true, j ->
                        parts[j] = slices.parseQuietly(channel, cuts, j, j == 0 ? first : null));
                if (allParsed(parts)) {
                    return concat(parts);
                }
            }
        } catch (IOException e) {
            // a slice could not be read: the file is streamed below, which reports any real problem
        }
        return streamResults(file, gt, gtSource).build();
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
        lastSliceCount = 0;
        try (FileChannel channel = slicing.open(resultsFile)) {
            long[] cuts = channel == null ? null : slicing.cuts(channel);
            if (cuts != null) {
                return readBoth(groundTruthFile, resultsFile, channel, cuts);
            }
        } catch (IOException e) {
            // closing failed: nothing was lost, the results are streamed below
        }
        GroundTruth[] gt = new GroundTruth[1];
        Detections.Builder[] streamed = new Detections.Builder[1];
        WorkQueue.run(2, true, j -> {
            if (j == 0) {
                gt[0] = readGroundTruth(groundTruthFile);
                return;
            }
            try {
                streamed[0] = streamResults(resultsFile, null, null);
            } catch (InputException e) {
                // left null: the results are read again below, against the ground truth, to report the error
            }
        });
        if (streamed[0] != null && !hasTextIds(gt[0])) {
            Detections dt = streamed[0].build();
            if (allImagesKnown(dt, gt[0])) {
                return new Inputs(gt[0], dt);
            }
        }
        return new Inputs(gt[0], streamResults(resultsFile, gt[0], groundTruthFile.toString()).build());
    }

    /**
     * The sliced form of {@link #readBoth(Path, Path)}: each task reads its slice of the results file
     * itself, so the file is never held in one piece and reading overlaps parsing.
     */
    private Inputs readBoth(Path groundTruthFile, Path resultsFile, FileChannel channel, long[] cuts) {
        GroundTruth[] gt = new GroundTruth[1];
        Detections.Builder[] parts = new Detections.Builder[cuts.length / 2];
        byte[] first = null;
        try {
            first = SliceParser.slice(channel, cuts[0], cuts[1]);
        } catch (IOException e) {
            // every part stays null: the results are read again below, in one piece, to report it
        }
        byte[] firstSlice = first;
        SliceParser slices = new SliceParser(type, resultsFile.toString(), null, null,
                first != null && SliceParser.firstHasBox(first));
        // the ground truth first (with polygons it is the largest task), then the slices, each thread taking the
        // next task when it finishes one
        WorkQueue.run(first == null ? 1 : parts.length + 1, true, j -> {
            if (j == 0) {
                gt[0] = readGroundTruth(groundTruthFile);
                return;
            }
            parts[j - 1] = slices.parseQuietly(channel, cuts, j - 1, j == 1 ? firstSlice : null);
        });
        if (allParsed(parts) && !hasTextIds(gt[0])) {
            Detections dt = concat(parts);
            if (allImagesKnown(dt, gt[0])) {
                return new Inputs(gt[0], dt);
            }
        }
        // read again against the ground truth: sliced when the slices only lacked it (polygons need the
        // images' sizes, string ids its numbers), streamed to place an error exactly
        return new Inputs(gt[0], readResults(resultsFile, gt[0], groundTruthFile.toString()));
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
        lastSliceCount = 0;
        int[] cuts = slicing.cuts(bytes);
        if (cuts != null) {
            try {
                Detections.Builder[] parts = new Detections.Builder[cuts.length / 2];
                byte[] first = SliceParser.slice(bytes, cuts[0], cuts[1]);
                SliceParser slices = new SliceParser(type, source, gt, null, SliceParser.firstHasBox(first));
                WorkQueue.run(parts.length, true, j -> parts[j] = slices.parse(
                        j == 0 ? first : SliceParser.slice(bytes, cuts[2 * j], cuts[2 * j + 1])));
                return concat(parts);
            } catch (InputException e) {
                // fall through: the sequential parse reports the error with its exact place
            }
        }
        try (JsonParser parser = CocoJson.FACTORY.createParser(bytes)) {
            return new ResultsParser(new JsonCursor(parser, source), gt, null, type).parse();
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
        lastSliceCount = 0;
        try (JsonParser parser = CocoJson.FACTORY.createParser(in)) {
            return new ResultsParser(new JsonCursor(parser, source), gt, null, type).parse();
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The results file parsed in one piece as it streams by, with exact places for every error. */
    private Detections.Builder streamResults(Path file, GroundTruth gt, String gtSource) {
        try (JsonParser parser = CocoJson.FACTORY.createParser(InputFiles.open(file))) {
            ResultsParser results = new ResultsParser(new JsonCursor(parser, file.toString()), gt, gtSource, type);
            results.parse();
            return results.collected();
        } catch (IOException e) {
            throw InputFiles.unreadable(file, e);
        }
    }

    private static boolean allParsed(Detections.Builder[] parts) {
        for (Detections.Builder part : parts) {
            if (part == null) {
                return false;
            }
        }
        return true;
    }

    /** The slices joined in order; remembers how many there were. */
    private Detections concat(Detections.Builder[] parts) {
        lastSliceCount = parts.length;
        return Detections.concat(parts);
    }

    /** Results read without the ground truth cannot be checked against its string ids: they are read again. */
    private static boolean hasTextIds(GroundTruth gt) {
        return gt.hasTextImageIds() || gt.hasTextCategoryIds();
    }

    private static boolean allImagesKnown(Detections dt, GroundTruth gt) {
        long previous = Long.MIN_VALUE;
        for (long image : COLUMNS.imageIds(dt)) {
            if (image != previous && !gt.hasImage(image)) {
                return false;
            }
            previous = image;
        }
        return true;
    }
}
