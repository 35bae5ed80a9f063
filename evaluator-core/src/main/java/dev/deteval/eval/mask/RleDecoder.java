package dev.deteval.eval.mask;

import java.util.Arrays;

/**
 * Decodes COCO compressed RLE strings ({@link RleStrings}) straight from a character buffer into masks,
 * reusing one growable run buffer, so that reading many masks makes no garbage; each mask keeps the string's
 * characters as bytes (checked, about 1.6 bytes per run) and unpacks its runs when they are used. Checks and messages are those of {@link RleStrings#decode}; the runs are checked to sum to
 * {@code h*w} in the same pass. Not thread-safe: one instance per reading thread.
 */
public final class RleDecoder {

    private static final int FIRST_CHAR = 48;

    private int[] runs = new int[256];

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
        int end = offset + length;
        int n = 0;
        long sum = 0;
        long area = 0;
        boolean plain = true;
        int p = offset;
        while (p < end) {
            int start = p;
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                if (p >= end) {
                    throw new IllegalArgumentException("compressed RLE is truncated: the value starting at index "
                            + (start - offset) + " continues past the end of the string (length " + length + ")");
                }
                int c = chars[p] - FIRST_CHAR;
                if (c < 0 || c > 63) {
                    throw badCharacter(chars[p], p - offset);
                }
                // the C code shifts a 32-bit int here (x86 masks the shift count); so does Java
                x |= (c & 0x1f) << 5 * k;
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) {
                    x |= -1 << 5 * k;
                }
            }
            if (n > 2) {
                x += runs[n - 2];
            }
            if (x < 0 || x > pixels) {
                throw new IllegalArgumentException("compressed RLE run " + n + " (at index " + (start - offset)
                        + ") decodes to " + x + ", outside 0.." + pixels + " (h*w)");
            }
            if (n == runs.length) {
                runs = Arrays.copyOf(runs, 2 * n);
            }
            runs[n] = (int) x;
            sum += x;
            if ((n & 1) == 1) {
                area += x;
            }
            if (x == 0 && n > 0) {
                plain = false;
            }
            n++;
        }
        if (sum != pixels) {
            throw Rle.wrongSum(sum, pixels, h, w);
        }
        byte[] packed = new byte[length];
        for (int i = 0; i < length; i++) {
            packed[i] = (byte) chars[offset + i];
        }
        return Rle.packed(h, w, packed, n, area, plain);
    }

    static IllegalArgumentException badCharacter(char ch, int index) {
        return new IllegalArgumentException("compressed RLE has character '" + ch + "' (code " + (int) ch
                + ") at index " + index + "; expected '0'..'o'");
    }
}
