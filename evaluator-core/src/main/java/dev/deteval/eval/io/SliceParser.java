package dev.deteval.eval.io;

import com.fasterxml.jackson.core.JsonParser;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Parses the slices of one results list, each on the task that asks: the elements between two cuts are
 * read (from memory or from the file), wrapped in brackets and parsed as a list of their own. Every slice
 * is told whether the file's first result has a {@code bbox}, which decides pycocotools' loadRes rule for
 * all of them.
 *
 * @param type what the results must carry
 * @param source the name used in error messages
 * @param gt the ground truth whose image ids the results must use, or null to skip that check
 * @param gtSource the ground truth's file for messages, or null
 * @param firstHasBox whether the first result of the whole list has a bbox
 */
record SliceParser(IouType type, String source, GroundTruth gt, String gtSource, boolean firstHasBox) {

    /** Bytes of the shortest box detection with one-digit numbers, {@code {"image_id":1,…,"score":1}}. */
    static final int MIN_DETECTION_BYTES = 58;

    /** The elements in {@code bytes[from, to)} between brackets, a JSON array of their own. */
    static byte[] slice(byte[] bytes, int from, int to) {
        byte[] slice = new byte[to - from + 2];
        slice[0] = '[';
        System.arraycopy(bytes, from, slice, 1, to - from);
        slice[slice.length - 1] = ']';
        return slice;
    }

    /** The elements in the file's bytes {@code [from, to)} between brackets, read from {@code channel}. */
    static byte[] slice(FileChannel channel, long from, long to) throws IOException {
        byte[] slice = new byte[Math.toIntExact(to - from + 2)];
        slice[0] = '[';
        ArraySplitter.readInto(channel, from, slice, 1, slice.length - 2);
        slice[slice.length - 1] = ']';
        return slice;
    }

    /** Whether the first result of the list, the first element of {@code firstSlice}, has a {@code bbox}. */
    static boolean firstHasBox(byte[] firstSlice) {
        return JsonLocator.find(CocoJson.FACTORY, firstSlice, 0, "bbox") != null;
    }

    /**
     * Parses one slice. Box columns are sized up front for one detection per
     * {@value #MIN_DETECTION_BYTES} bytes (the shortest complete one) when the results are boxes only.
     *
     * @throws InputException when the slice is not a valid list of results (a wrong cut or bad input)
     */
    Detections.Builder parse(byte[] slice) {
        try (JsonParser parser = CocoJson.FACTORY.createParser(slice)) {
            ResultsParser results = new ResultsParser(new JsonCursor(parser, source), gt, gtSource, type,
                    type == IouType.BBOX ? slice.length / MIN_DETECTION_BYTES : 0, firstHasBox);
            results.parse();
            return results.collected().trimmed();
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Slice {@code j} of {@code cuts}, read from {@code channel} unless {@code alreadyRead}, parsed; or null
     * when it cannot be read or parsed (the caller then streams the whole file to report why).
     */
    Detections.Builder parseQuietly(FileChannel channel, long[] cuts, int j, byte[] alreadyRead) {
        try {
            return parse(alreadyRead != null ? alreadyRead : slice(channel, cuts[2 * j], cuts[2 * j + 1]));
        } catch (InputException | IOException e) {
            return null;
        }
    }
}
