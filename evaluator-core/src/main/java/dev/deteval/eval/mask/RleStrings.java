package dev.deteval.eval.mask;

/**
 * COCO's compressed RLE string ({@code {"size": [h, w], "counts": "..."}} in COCO JSON), as maskApi
 * {@code rleToString} and {@code rleFrString}.
 *
 * <p>Each run is written as a signed number in groups of 5 bits, least significant first, one character
 * per group: {@code '0' + bits}, plus 32 when another group follows; bit 16 of the last group is the sign.
 * From the fourth run on ({@code i > 2}) the difference to the run two places before is written instead
 * of the run itself. Characters are therefore {@code '0'} to {@code 'o'} (48 to 111).
 */
public final class RleStrings {

    static final int FIRST_CHAR = 48;

    private RleStrings() {
    }

    /**
     * The runs of a compressed string.
     *
     * @param counts the string, characters {@code '0'..'o'}
     * @param h image height in pixels
     * @param w image width in pixels
     * @throws IllegalArgumentException for a character outside {@code '0'..'o'}, a string ending inside a
     *         value, a run that decodes to a negative number, or runs not summing to {@code h*w}
     */
    public static Rle decode(String counts, int h, int w) {
        return new RleDecoder().decode(counts.toCharArray(), 0, counts.length(), h, w);
    }

    /** The compressed string of {@code rle}'s runs, exactly as pycocotools writes it. */
    public static String encode(Rle rle) {
        int[] cnts = rle.runs();
        StringBuilder s = new StringBuilder(cnts.length * 2);
        for (int i = 0; i < cnts.length; i++) {
            long x = cnts[i];
            if (i > 2) {
                x -= cnts[i - 2];
            }
            boolean more = true;
            while (more) {
                int c = (int) (x & 0x1f);
                x >>= 5;
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more) {
                    c |= 0x20;
                }
                s.append((char) (c + FIRST_CHAR));
            }
        }
        return s.toString();
    }
}
