package dev.deteval.eval.mask;

/**
 * Decodes COCO compressed RLE strings ({@link RleStrings}) straight from a character buffer into masks in one
 * pass: each character is checked and copied into the mask's bytes (about 1.6 bytes per run; the mask unpacks
 * its runs when they are used) while the runs are decoded, checked against {@code h*w} and summed, keeping
 * only the two runs that the next one depends on, so no run array is filled. Checks and messages are those
 * of {@link RleStrings#decode}.
 *
 * <p>A decoder from {@link #shared()} writes the bytes of many masks one after the other into large shared
 * arrays (64 KiB, doubling up to {@value #MAX_SHARED_BYTES} bytes): reading a results file then makes a few
 * large arrays instead of one small array per mask, which the collector would copy one by one while every
 * mask of the file is still alive. Such a decoder is for one thread; {@code new RleDecoder()} gives each mask
 * an array of its own and may serve any number of threads.
 */
public final class RleDecoder {

    private static final int FIRST_CHAR = 48;
    /** The largest shared array: 2 MiB, at least half a region of the G1 collector on most heaps. */
    static final int MAX_SHARED_BYTES = 2 << 20;
    private static final int FIRST_SHARED_BYTES = 64 << 10;

    private final boolean shared;
    private byte[] bytes = new byte[0];
    private int used;
    private int nextSize = FIRST_SHARED_BYTES;

    /** A decoder that gives each mask an array of its own; holds no state. */
    public RleDecoder() {
        this(false);
    }

    private RleDecoder(boolean shared) {
        this.shared = shared;
    }

    /** A decoder that packs the masks it decodes into shared arrays; for one thread. */
    public static RleDecoder shared() {
        return new RleDecoder(true);
    }

    /**
     * The mask whose compressed counts are {@code chars[offset .. offset+length)}; indices in messages
     * count from {@code offset}.
     *
     * @param h image height in pixels
     * @param w image width in pixels
     * @throws IllegalArgumentException as {@link RleStrings#decode}
     */
    public Rle decode(char[] chars, int offset, int length, int h, int w) {
        long pixels = Rle.pixels(h, w);
        byte[] packed;
        int from;
        if (!shared) {
            packed = new byte[length];
            from = 0;
        } else {
            if (bytes.length - used < length) {
                bytes = new byte[Math.max(length, nextSize)];
                used = 0;
                nextSize = Math.min(2 * nextSize, MAX_SHARED_BYTES);
            }
            packed = bytes;
            from = used;
        }
        int to = from - offset; // packed index = character index + to
        int end = offset + length;
        int n = 0;
        long sum = 0;
        long area = 0;
        int older = 0; // run n - 2
        int previous = 0; // run n - 1
        boolean plain = true;
        int p = offset;
        while (p < end) {
            int start = p;
            // the C code ORs 5-bit groups into a 32-bit int, shifting by 5k (x86 masks the count); so does Java
            int value = 0;
            int shift = 0;
            int c;
            do {
                if (p == end) {
                    throw new IllegalArgumentException("compressed RLE is truncated: the value starting at index "
                            + (start - offset) + " continues past the end of the string (length " + length + ")");
                }
                c = chars[p] - FIRST_CHAR;
                if ((c & ~63) != 0) {
                    throw badCharacter(chars[p], p - offset);
                }
                packed[p + to] = (byte) (c + FIRST_CHAR);
                value |= (c & 0x1f) << shift;
                shift += 5;
                p++;
            } while ((c & 0x20) != 0);
            if ((c & 0x10) != 0) {
                value |= -1 << shift;
            }
            long x = n > 2 ? (long) value + older : value;
            if (x < 0 || x > pixels) {
                throw new IllegalArgumentException("compressed RLE run " + n + " (at index " + (start - offset)
                        + ") decodes to " + x + ", outside 0.." + pixels + " (h*w)");
            }
            sum += x;
            if ((n & 1) == 1) {
                area += x;
            }
            if (x == 0 && n > 0) {
                plain = false;
            }
            older = previous;
            previous = (int) x;
            n++;
        }
        if (sum != pixels) {
            throw Rle.wrongSum(sum, pixels, h, w);
        }
        if (shared) {
            used += length; // only now: a string that fails leaves its bytes to be overwritten
        }
        return Rle.packed(h, w, packed, from, length, n, area, plain);
    }

    static IllegalArgumentException badCharacter(char ch, int index) {
        return new IllegalArgumentException("compressed RLE has character '" + ch + "' (code " + (int) ch
                + ") at index " + index + "; expected '0'..'o'");
    }
}
