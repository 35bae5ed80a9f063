package dev.deteval.eval.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Guesses cut points in the bytes of a JSON document that is one top-level array of objects, so that
 * slices of elements can be parsed in parallel without a sequential pre-scan; from a file it reads only
 * the two ends and a window after each guess.
 *
 * <p>From evenly spaced positions it looks forward for the next comma that has a closing brace before
 * it and an opening brace after it (whitespace allowed between). Such a comma usually separates two
 * elements, but it may also sit inside a string or inside a nested array. Either way the slice that ends
 * there is then not valid JSON on its own (it ends inside a string, or with a bracket still open), its
 * parse fails, and the caller parses the whole document in one piece — so a wrong guess costs time,
 * never correctness.
 */
final class ArraySplitter {

    private ArraySplitter() {
    }

    /**
     * Splits {@code bytes} into at most {@code parts} slices.
     *
     * @return {@code [from0, to0, from1, to1, …]}: slices without the outer brackets, separated by the
     *     chosen commas; or null when the document does not start with {@code [} and end with {@code ]}
     */
    static int[] split(byte[] bytes, int length, int parts) {
        int first = skipSpace(bytes, 0, length);
        if (first >= length || bytes[first] != '[') {
            return null;
        }
        int end = length - 1;
        while (end > first && isSpace(bytes[end])) {
            end--;
        }
        if (end == first || bytes[end] != ']') {
            return null;
        }
        long[] cuts = cut(first + 1, end, parts, (from, to) -> nextBoundary(bytes, (int) from, (int) to));
        int[] ints = new int[cuts.length];
        for (int k = 0; k < cuts.length; k++) {
            ints[k] = (int) cuts[k];
        }
        return ints;
    }

    /**
     * {@link #split(byte[], int, int)} for a file read through {@code channel}, looking only at its
     * ends and at windows after the evenly spaced positions; the file is not read as a whole.
     */
    static long[] split(FileChannel channel, long size, int parts) throws IOException {
        byte[] head = read(channel, 0, (int) Math.min(size, EDGE));
        int first = skipSpace(head, 0, head.length);
        if (first >= head.length || head[first] != '[') {
            return null;
        }
        long tailFrom = Math.max(0, size - EDGE);
        byte[] tail = read(channel, tailFrom, (int) (size - tailFrom));
        int last = tail.length - 1;
        while (last >= 0 && isSpace(tail[last])) {
            last--;
        }
        long end = tailFrom + last;
        if (last < 0 || tail[last] != ']' || end <= first) {
            return null;
        }
        try {
            return cut(first + 1, end, parts, (from, to) -> {
                try {
                    return nextBoundary(channel, from, to);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Bytes read at each end of a file to find its brackets (longer runs of white space: not split). */
    private static final int EDGE = 4096;
    /** Bytes read per step while looking for a boundary, and how far each window reaches back. */
    private static final int WINDOW = 1 << 16;
    private static final int REACH_BACK = 256;

    /** Finds the first boundary comma in {@code [from, to)}, or -1. */
    private interface Boundaries {
        long next(long from, long to);
    }

    private static long[] cut(long start, long end, int parts, Boundaries boundaries) {
        long[] cuts = new long[2 * parts];
        int found = 0;
        long sliceStart = start;
        long step = Math.max(1, (end - start) / parts);
        for (int k = 1; k < parts; k++) {
            long target = Math.max(sliceStart, start + k * step);
            long comma = boundaries.next(target, end);
            if (comma < 0) {
                break;
            }
            cuts[found++] = sliceStart;
            cuts[found++] = comma;
            sliceStart = comma + 1;
        }
        cuts[found++] = sliceStart;
        cuts[found++] = end;
        return Arrays.copyOf(cuts, found);
    }

    /**
     * {@link #nextBoundary(byte[], int, int)} through windows of the file; a comma whose braces lie
     * more than {@value #REACH_BACK} bytes of white space away is not seen (a missed cut, never a wrong one).
     */
    private static long nextBoundary(FileChannel channel, long from, long end) throws IOException {
        for (long pos = from; pos < end; pos += WINDOW) {
            long windowStart = Math.max(0, pos - REACH_BACK);
            long windowEnd = Math.min(end, pos + WINDOW + REACH_BACK);
            byte[] window = read(channel, windowStart, (int) (windowEnd - windowStart));
            int comma = nextBoundary(window, (int) (pos - windowStart), window.length);
            if (comma >= 0) {
                return windowStart + comma;
            }
        }
        return -1;
    }

    /** Reads {@code length} bytes at {@code position}. */
    static byte[] read(FileChannel channel, long position, int length) throws IOException {
        byte[] bytes = new byte[length];
        readInto(channel, position, bytes, 0, length);
        return bytes;
    }

    /** Reads {@code length} bytes at {@code position} into {@code out[offset, offset + length)}. */
    static void readInto(FileChannel channel, long position, byte[] out, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(out, offset, length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position() - offset) < 0) {
                throw new EOFException("file ended while reading (was it changed?)");
            }
        }
    }

    /** The first comma in {@code [from, end)} between a closing and an opening brace, or -1. */
    static int nextBoundary(byte[] bytes, int from, int end) {
        for (int i = from; i < end; i++) {
            if (bytes[i] != ',') {
                continue;
            }
            int before = i - 1;
            while (before >= 0 && isSpace(bytes[before])) {
                before--;
            }
            int after = i + 1;
            while (after < end && isSpace(bytes[after])) {
                after++;
            }
            if (before >= 0 && bytes[before] == '}' && after < end && bytes[after] == '{') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private static int skipSpace(byte[] bytes, int from, int length) {
        int i = from;
        if (i == 0 && length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < length && isSpace(bytes[i])) {
            i++;
        }
        return i;
    }
}
