package dev.deteval.eval.mask;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable binary mask of {@code height x width} pixels, stored as COCO run lengths.
 *
 * <p>The pixels are read in column-major (Fortran) order, index {@code x * height + y}; {@link #counts()}
 * alternates runs of 0s and 1s and always starts with a run of 0s (length 0 when the first pixel is set).
 * The counts sum to {@code height * width}. Equality compares the run lengths themselves, so two encodings
 * of the same pixels that differ by empty runs are not equal; {@code fromMask(m.toMask(), h, w)} gives the
 * canonical one (no empty run except possibly the first), which is also what pycocotools produces.
 *
 * <p>Images are limited to {@code height * width <= Integer.MAX_VALUE} pixels.
 */
public final class Rle {

    private final int height;
    private final int width;
    /** The runs, or null while they are kept {@link #packed}. */
    private final int[] counts;
    /**
     * The runs as the characters of COCO's compressed string, one byte each ({@link RleStrings}), or null:
     * decoded masks keep this form, about 1.6 bytes per run instead of 4, and unpack it when asked.
     */
    private final byte[] packed;
    /** Where this mask's characters start in {@link #packed} (decoders share one array among many masks). */
    private final int packedFrom;
    /** How many characters this mask has in {@link #packed}. */
    private final int packedLength;
    private final int runCount;
    /** {@link #area()}, computed once. */
    private final long area;
    /** True when no run but the first is empty, so set-based overlap arithmetic equals maskApi's walk. */
    private final boolean plain;

    private Rle(int height, int width, int[] counts, long area, boolean plain) {
        this.height = height;
        this.width = width;
        this.counts = counts;
        this.packed = null;
        this.packedFrom = 0;
        this.packedLength = 0;
        this.runCount = counts.length;
        this.area = area;
        this.plain = plain;
    }

    private Rle(int height, int width, byte[] packed, int from, int length, int runCount, long area, boolean plain) {
        this.height = height;
        this.width = width;
        this.counts = null;
        this.packed = packed;
        this.packedFrom = from;
        this.packedLength = length;
        this.runCount = runCount;
        this.area = area;
        this.plain = plain;
    }

    /**
     * A mask from its run lengths (copied).
     *
     * @param height image height in pixels, not negative
     * @param width image width in pixels, not negative
     * @param counts column-major runs, starting with a run of 0s; not negative, summing to
     *        {@code height * width}
     * @throws IllegalArgumentException when a count is negative or the sum differs from {@code height * width}
     */
    public static Rle of(int height, int width, int[] counts) {
        return checked(height, width, counts.clone());
    }

    /** Validates and wraps {@code counts} without copying; for arrays this package has just built. */
    static Rle checked(int height, int width, int[] counts) {
        long pixels = pixels(height, width);
        long sum = 0;
        long area = 0;
        boolean plain = true;
        for (int i = 0; i < counts.length; i++) {
            int c = counts[i];
            if (c < 0) {
                throw new IllegalArgumentException("RLE count " + i + " is negative: " + c);
            }
            sum += c;
            if ((i & 1) == 1) {
                area += c;
            }
            if (c == 0 && i > 0) {
                plain = false;
            }
        }
        if (sum != pixels) {
            throw wrongSum(sum, pixels, height, width);
        }
        return new Rle(height, width, counts, area, plain);
    }

    /**
     * Wraps {@code counts} that this package has just built and checked (not negative, summing to h*w), with
     * their {@link #area()} and whether no run but the first is empty, found while building them.
     */
    static Rle trusted(int height, int width, int[] counts, long area, boolean plain) {
        return new Rle(height, width, counts, area, plain);
    }

    /**
     * Wraps the compressed string at {@code packed[from, from + length)} (one byte per character; the array may
     * hold other masks' strings too and must not change) of {@code runCount} runs that this package has just
     * decoded and checked, with their area and plainness.
     */
    static Rle packed(int height, int width, byte[] packed, int from, int length, int runCount, long area,
            boolean plain) {
        return new Rle(height, width, packed, from, length, runCount, area, plain);
    }

    static IllegalArgumentException wrongSum(long sum, long pixels, int height, int width) {
        return new IllegalArgumentException("RLE counts sum to " + sum + " but h*w = " + pixels + " (h=" + height
                + ", w=" + width + ")");
    }

    /** {@code height * width}, after checking both are not negative and the product fits an {@code int}. */
    static long pixels(int height, int width) {
        if (height < 0 || width < 0) {
            throw new IllegalArgumentException("mask size must not be negative: h=" + height + ", w=" + width);
        }
        long pixels = (long) height * width;
        if (pixels > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("mask of h=" + height + ", w=" + width + " has more than "
                    + Integer.MAX_VALUE + " pixels");
        }
        return pixels;
    }

    /**
     * Run-length encodes a bitmap, as maskApi {@code rleEncode}.
     *
     * @param columnMajor {@code h * w} pixels, pixel {@code (y, x)} at index {@code x * h + y}
     * @param h image height in pixels
     * @param w image width in pixels
     * @throws IllegalArgumentException when the array length is not {@code h * w}
     */
    public static Rle fromMask(boolean[] columnMajor, int h, int w) {
        long pixels = pixels(h, w);
        if (columnMajor.length != pixels) {
            throw new IllegalArgumentException(
                    "mask has " + columnMajor.length + " pixels but h*w = " + pixels + " (h=" + h + ", w=" + w + ")");
        }
        RunBuffer runs = new RunBuffer(16);
        boolean previous = false;
        int run = 0;
        for (boolean pixel : columnMajor) {
            if (pixel != previous) {
                runs.add(run);
                run = 0;
                previous = pixel;
            }
            run++;
        }
        runs.add(run);
        return checked(h, w, runs.toArray());
    }

    /**
     * The mask as a bitmap ({@code rleDecode}).
     *
     * @return {@code height * width} pixels in column-major order, pixel {@code (y, x)} at {@code x * height + y}
     */
    public boolean[] toMask() {
        boolean[] mask = new boolean[height * width];
        int[] counts = runs();
        int position = 0;
        for (int i = 0; i < counts.length; i++) {
            if (i % 2 == 1) {
                Arrays.fill(mask, position, position + counts[i], true);
            }
            position += counts[i];
        }
        return mask;
    }

    /**
     * The mask of a box as pycocotools' {@code frBbox} makes it ({@code rleFrBbox}): the polygon with corners
     * {@code (x, y), (x, y+h), (x+w, y+h), (x+w, y)} rasterised by {@link Polygons#rasterize}.
     *
     * @param x left edge in pixels
     * @param y top edge in pixels
     * @param w box width in pixels
     * @param h box height in pixels
     * @param imgH image height in pixels
     * @param imgW image width in pixels
     */
    public static Rle fromBox(double x, double y, double w, double h, int imgH, int imgW) {
        double xe = x + w;
        double ye = y + h;
        return Polygons.rasterize(new double[] {x, y, x, ye, xe, ye, xe, y}, imgH, imgW);
    }

    /**
     * Union or intersection of masks of one size, as maskApi {@code rleMerge} (a single part is returned as
     * it is).
     *
     * @param parts at least one mask, all of the same height and width
     * @param intersect true for the intersection, false for the union
     * @throws IllegalArgumentException for an empty list, masks of different sizes (where {@code rleMerge}
     *         would silently return an empty 0x0 mask), or masks that both have an empty run (other than the
     *         first) at the same pixel, where {@code rleMerge} stops early and returns a truncated mask
     */
    public static Rle merge(List<Rle> parts, boolean intersect) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge: the list of masks is empty");
        }
        Rle first = parts.get(0);
        int[] merged = first.runs();
        for (int i = 1; i < parts.size(); i++) {
            Rle next = parts.get(i);
            if (next.height != first.height || next.width != first.width) {
                throw new IllegalArgumentException("cannot merge masks of different sizes: part 0 is " + first.height
                        + "x" + first.width + ", part " + i + " is " + next.height + "x" + next.width);
            }
            merged = RunMerge.merge(merged, next.runs(), intersect);
            long covered = 0;
            for (int run : merged) {
                covered += run;
            }
            if (covered != pixels(first.height, first.width)) {
                throw new IllegalArgumentException("merging part " + i + " stopped after " + covered + " of "
                        + pixels(first.height, first.width) + " pixels: both masks have an empty run at pixel "
                        + covered + " (pycocotools' rleMerge stops there too)");
            }
        }
        return parts.size() == 1 ? first : checked(first.height, first.width, merged);
    }

    /** Image height in pixels. */
    public int height() {
        return height;
    }

    /** Image width in pixels. */
    public int width() {
        return width;
    }

    /** The run lengths (a copy): column-major, alternating 0s and 1s, starting with 0s. */
    public int[] counts() {
        return counts != null ? counts.clone() : unpack();
    }

    /** The run lengths without copying; callers in this package must not modify them. */
    int[] runs() {
        return counts != null ? counts : unpack();
    }

    /** Number of set pixels: the sum of the odd-indexed runs ({@code rleArea}). */
    public long area() {
        return area;
    }

    /**
     * Bounding box of the set pixels, {@code [x, y, w, h]} in pixels, computed as maskApi {@code rleToBbox}:
     * {@code [0, 0, 0, 0]} for an empty mask; a mask whose runs of 1s wrap from one column into the next
     * spans the full height. The arithmetic is the C code's 32-bit unsigned one, so empty runs (which
     * {@link #fromMask} never makes) affect the box exactly as they do in pycocotools.
     */
    public double[] bbox() {
        return RunBox.of(runs(), height, width);
    }

    /** True when no run but the first is empty (always so for masks made by pycocotools or {@link #fromMask}). */
    boolean plain() {
        return plain;
    }

    /** The runs of the packed form, decoded as {@link RleDecoder} does (the string was checked then). */
    private int[] unpack() {
        int[] runs = new int[runCount];
        int n = 0;
        int p = packedFrom;
        int end = packedFrom + packedLength;
        int older = 0; // run n - 2
        int previous = 0; // run n - 1
        while (p < end) {
            int value = 0;
            int shift = 0;
            int c;
            do {
                c = packed[p++] - RleStrings.FIRST_CHAR;
                value |= (c & 0x1f) << shift;
                shift += 5;
            } while ((c & 0x20) != 0);
            if ((c & 0x10) != 0) {
                value |= -1 << shift;
            }
            int x = n > 2 ? value + older : value;
            runs[n++] = x;
            older = previous;
            previous = x;
        }
        return runs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rle other && height == other.height && width == other.width
                && Arrays.equals(runs(), other.runs());
    }

    @Override
    public int hashCode() {
        return 31 * (31 * height + width) + Arrays.hashCode(runs());
    }

    /** {@code Rle[h x w, area a, n runs: c0, c1, ...]}, listing at most the first 12 runs. */
    @Override
    public String toString() {
        int[] counts = runs();
        StringBuilder s = new StringBuilder("Rle[").append(height).append('x').append(width).append(", area ")
                .append(area()).append(", ").append(counts.length).append(" runs:");
        int shown = Math.min(counts.length, 12);
        for (int i = 0; i < shown; i++) {
            s.append(i == 0 ? " " : ", ").append(counts[i]);
        }
        return s.append(shown < counts.length ? ", ...]" : "]").toString();
    }
}
