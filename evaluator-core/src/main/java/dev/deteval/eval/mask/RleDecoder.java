package dev.deteval.eval.mask;

/**
 * Decodes COCO compressed RLE strings ({@link RleStrings}) straight from a character buffer into masks in one
 * pass: each character is checked and copied into the mask's bytes (about 1.6 bytes per run; the mask unpacks
 * its runs when they are used) while the runs are decoded, checked against {@code h*w} and summed, keeping
 * only the two runs that the next one depends on, so no run array is filled. Checks and messages are those
 * of {@link RleStrings#decode}. Holds no state: one instance may serve any number of threads.
 */
public final class RleDecoder {

    private static final int FIRST_CHAR = 48;

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
        byte[] packed = new byte[length];
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
                packed[p - offset] = (byte) (c + FIRST_CHAR);
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
        return Rle.packed(h, w, packed, n, area, plain);
    }

    static IllegalArgumentException badCharacter(char ch, int index) {
        return new IllegalArgumentException("compressed RLE has character '" + ch + "' (code " + (int) ch
                + ") at index " + index + "; expected '0'..'o'");
    }
}
