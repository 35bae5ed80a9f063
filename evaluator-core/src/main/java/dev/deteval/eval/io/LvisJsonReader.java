package dev.deteval.eval.io;

import com.fasterxml.jackson.core.JsonParser;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.coco.LvisGroundTruth;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Reads LVIS files: the ground truth is the COCO instances layout plus, on every image,
 * {@code neg_category_ids} and {@code not_exhaustive_category_ids} (arrays of category ids) and, on every
 * category, {@code frequency} ({@code "r"}, {@code "c"} or {@code "f"}); all three are required, as lvis-api
 * requires them. {@code iscrowd} is not read (LVIS has no crowd). Results are COCO results (boxes, or
 * masks as RLE for segm), read by {@link CocoJsonReader}.
 *
 * <p>Every problem is an {@link InputException} naming the file, the JSON path with line and column, and
 * what is wrong.
 */
public final class LvisJsonReader {

    private final List<String> warnings = new ArrayList<>();
    private final IouType type;

    /** A reader for box evaluation. */
    public LvisJsonReader() {
        this(IouType.BBOX);
    }

    /**
     * A reader that also keeps what {@code type} needs: for {@link IouType#SEGM} the ground truths'
     * {@code segmentation} (polygons rasterised at the image's {@code height} x {@code width}, or RLE) and the
     * results' RLE {@code segmentation}, as {@link CocoJsonReader} reads them.
     *
     * @throws IllegalArgumentException for {@link IouType#KEYPOINTS}, which LVIS does not have
     */
    public LvisJsonReader(IouType type) {
        if (type == IouType.KEYPOINTS) {
            throw new IllegalArgumentException("LVIS has no keypoints");
        }
        this.type = type;
    }

    /** Warnings collected by the reads so far. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Reads an LVIS ground-truth file (a regular file, a pipe or a device), streamed. */
    public LvisGroundTruth readGroundTruth(Path file) {
        return read(InputFiles.open(file), file.toString(), JsonSource.of(file));
    }

    /**
     * Reads LVIS ground truth held in memory.
     *
     * @param source the name used in error messages
     */
    public LvisGroundTruth readGroundTruth(byte[] bytes, String source) {
        try {
            return read(CocoJson.FACTORY.createParser(bytes), source, JsonSource.of(bytes));
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    private LvisGroundTruth read(InputStream in, String source, JsonSource again) {
        try {
            return read(CocoJson.FACTORY.createParser(in), source, again);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    private LvisGroundTruth read(JsonParser parser, String source, JsonSource again) {
        List<String> found = new ArrayList<>();
        try (parser) {
            LvisGroundTruth gt = new GroundTruthParser(new JsonCursor(parser, source), again, found, type, true)
                    .parseLvis();
            synchronized (warnings) {
                warnings.addAll(found);
            }
            return gt;
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InputException(source, "", e.getMessage(), e); // the checks of LvisGroundTruth.build()
        }
    }

    /** An LVIS ground truth and the results read against it. */
    public record Inputs(LvisGroundTruth groundTruth, Detections detections) {
    }

    /**
     * Reads a ground-truth file and a results file, the two in parallel. A result on an image that is
     * not in the ground truth is an error (lvis-api asserts the same), reported with its place.
     */
    public Inputs readBoth(Path groundTruthFile, Path resultsFile) {
        CocoJsonReader results = new CocoJsonReader(type);
        LvisGroundTruth[] gt = new LvisGroundTruth[1];
        Detections[] dt = new Detections[1];
        RuntimeException[] failed = new RuntimeException[2];
        IntStream.rangeClosed(0, 1).parallel().forEach(j -> {
            try {
                if (j == 0) {
                    gt[0] = readGroundTruth(groundTruthFile);
                } else {
                    dt[0] = results.readResults(resultsFile, null);
                }
            } catch (RuntimeException e) {
                failed[j] = e;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        GroundTruth base = gt[0].groundTruth();
        if (failed[1] != null || !allImagesKnown(dt[0], base)) {
            dt[0] = results.readResults(resultsFile, base); // reports the error with its place
        }
        warnings.addAll(results.warnings());
        return new Inputs(gt[0], dt[0]);
    }

    private static boolean allImagesKnown(Detections dt, GroundTruth gt) {
        long previous = Long.MIN_VALUE;
        for (long image : dt.imageIdColumn()) {
            if (image != previous && !gt.hasImage(image)) {
                return false;
            }
            previous = image;
        }
        return true;
    }
}
