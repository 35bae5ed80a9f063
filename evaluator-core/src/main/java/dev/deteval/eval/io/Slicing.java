package dev.deteval.eval.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * When and where a results list is cut into slices that are parsed in parallel. Readers use
 * {@link #ofMachine()}; tests pass their own to force slicing whatever the number of cores.
 *
 * @param workers the cores the slices are meant for: at least {@value #SLICES_PER_WORKER} slices are cut per
 *     worker, and fewer than two workers turn slicing off
 * @param minBytes inputs smaller than this are parsed in one piece
 * @param maxSliceBytes the largest slice aimed at: a file larger than {@code SLICES_PER_WORKER * workers} such
 *     slices is cut into more, which keeps each slice within a Java array and bounds the memory of the slices
 *     in flight
 */
record Slicing(int workers, long minBytes, long maxSliceBytes) {

    /**
     * Slices cut per worker at least: the threads take them one at a time as they finish one (with the ground
     * truth as one more task), so smaller slices leave less of the end of a read on one thread alone. Measured
     * with the launcher on two cores (docs/benchmarks.md): four against two, 2,000 mask images 0.78 -> 0.77 s and
     * 5,000 box images 0.69 -> 0.68 s; eight against four, 0.78 -> 0.765 s and 0.70 -> 0.68 s.
     */
    static final int SLICES_PER_WORKER = 8;

    /** Inputs at least this large are parsed in parallel slices. */
    static final int PARALLEL_MIN_BYTES = 4 << 20;

    /** The largest slice of a results file aimed at (more slices are cut from larger files). */
    static final long MAX_SLICE_BYTES = 64L << 20;

    /** More slices than this (a file over 64 GiB with the default sizes) are not attempted: it is streamed. */
    private static final long MAX_SLICES = 1024;

    /** One worker per available core, with the default sizes. */
    static Slicing ofMachine() {
        return new Slicing(Runtime.getRuntime().availableProcessors(), PARALLEL_MIN_BYTES, MAX_SLICE_BYTES);
    }

    /** A channel on a results file worth slicing, or null (one worker, not a regular file, not openable). */
    FileChannel open(Path file) {
        if (workers < 2 || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            return null; // reported when the file is streamed
        }
    }

    /**
     * Slice bounds in the file behind {@code channel} (pairs of start and end offsets, see
     * {@link ArraySplitter}), or null to stream it in one piece.
     */
    long[] cuts(FileChannel channel) {
        try {
            long size = channel.size();
            if (size < minBytes) {
                return null;
            }
            long parts = Math.max((long) SLICES_PER_WORKER * workers, (size + maxSliceBytes - 1) / maxSliceBytes);
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

    /** Slice bounds for a parallel parse of {@code bytes}, or null to parse it in one piece. */
    int[] cuts(byte[] bytes) {
        int[] cuts = bytes.length >= minBytes && workers > 1
                ? ArraySplitter.split(bytes, bytes.length, SLICES_PER_WORKER * workers) : null;
        return cuts != null && cuts.length > 2 ? cuts : null;
    }
}
