package dev.deteval.eval.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The EXIF orientation tag (0x0112) of a JPEG file, read from its APP1 segment before the image data: the
 * markers are walked from the start of the file up to the first scan, and only the first IFD of the EXIF
 * block is looked at. A file without the tag, or with a damaged EXIF block, counts as orientation 1.
 */
final class ExifOrientation {

    private static final int TAG_ORIENTATION = 0x0112;

    private ExifOrientation() {
    }

    /** Whether the orientation is 6 or 8: the stored image is displayed turned by a quarter. */
    static boolean isQuarterTurn(Path jpeg) throws IOException {
        int o = of(jpeg);
        return o == 6 || o == 8;
    }

    /** The orientation (1 to 8), or 1 when there is none. */
    static int of(Path jpeg) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(jpeg)))) {
            if (in.readUnsignedShort() != 0xFFD8) {
                return 1;
            }
            while (true) {
                int marker = in.readUnsignedShort();
                if ((marker & 0xFF00) != 0xFF00 || marker == 0xFFDA || marker == 0xFFD9) {
                    return 1; // not a marker, start of scan or end of image: no EXIF before the pixels
                }
                int length = in.readUnsignedShort() - 2;
                if (length < 0) {
                    return 1;
                }
                if (marker == 0xFFE1 && length > 14) {
                    byte[] segment = in.readNBytes(length);
                    if (segment.length == length && isExif(segment)) {
                        return orientation(segment, 6);
                    }
                } else {
                    skip(in, length);
                }
            }
        } catch (EOFException e) {
            return 1;
        }
    }

    private static boolean isExif(byte[] s) {
        return s[0] == 'E' && s[1] == 'x' && s[2] == 'i' && s[3] == 'f' && s[4] == 0 && s[5] == 0;
    }

    /** The orientation in the TIFF structure that starts at {@code base} of {@code s}. */
    private static int orientation(byte[] s, int base) {
        boolean little = s[base] == 'I' && s[base + 1] == 'I';
        if (!little && !(s[base] == 'M' && s[base + 1] == 'M')) {
            return 1;
        }
        long ifd = u32(s, base + 4, little);
        int at = base + (int) Math.min(ifd, Integer.MAX_VALUE - base - 2L);
        if (at + 2 > s.length) {
            return 1;
        }
        int entries = u16(s, at, little);
        for (int e = 0; e < entries; e++) {
            int entry = at + 2 + 12 * e;
            if (entry + 12 > s.length) {
                return 1;
            }
            if (u16(s, entry, little) == TAG_ORIENTATION) {
                int value = u16(s, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] s, int at, boolean little) {
        int a = s[at] & 0xFF;
        int b = s[at + 1] & 0xFF;
        return little ? a | b << 8 : a << 8 | b;
    }

    private static long u32(byte[] s, int at, boolean little) {
        long hi = u16(s, little ? at + 2 : at, little);
        long lo = u16(s, little ? at : at + 2, little);
        return hi << 16 | lo;
    }

    private static void skip(InputStream in, int n) throws IOException {
        in.skipNBytes(n);
    }
}
