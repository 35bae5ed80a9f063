package dev.deteval.eval.io;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import dev.deteval.eval.mask.Polygons;
import dev.deteval.eval.mask.Rle;
import dev.deteval.eval.mask.RleDecoder;
import dev.deteval.eval.mask.RleStrings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A COCO {@code segmentation} as read from JSON, before it becomes a mask: a list of polygons (rasterised
 * at the image's size, which may only be known once the whole file is read), an uncompressed RLE
 * ({@code {"counts": [..], "size": [h, w]}}) or a compressed RLE (string counts).
 *
 * @param where JSON path of the value, for messages; built only when asked for ({@link #path()})
 * @param polygons polygon parts {@code [x0, y0, x1, y1, ...]}, or null
 * @param counts uncompressed run lengths, or null
 * @param compressed compressed counts string, or null
 * @param height RLE height (RLE forms only)
 * @param width RLE width (RLE forms only)
 * @param decoded the mask of a compressed RLE decoded while reading, or null
 */
record SegmentationJson(Supplier<String> where, List<double[]> polygons, int[] counts, String compressed, int height,
        int width, Rle decoded) {

    /** Reads the value at the cursor (an array of polygons or an RLE object). */
    static SegmentationJson read(JsonCursor c, String path) {
        return read(c, () -> path, null);
    }

    /**
     * Reads the value at the cursor; with a {@code decoder}, compressed counts that follow a valid
     * {@code size} (pycocotools writes size first) are decoded straight from the parser's characters, with no
     * string made. Counts that fail to decode are kept as a string, so {@link #toRle} reports them as usual.
     */
    static SegmentationJson read(JsonCursor c, Supplier<String> where, RleDecoder decoder) {
        if (c.current() == JsonToken.START_ARRAY) {
            List<double[]> parts = new ArrayList<>();
            while (c.next() != JsonToken.END_ARRAY) {
                int part = parts.size();
                parts.add(numbers(c, () -> where.get() + "[" + part + "]"));
            }
            return new SegmentationJson(where, parts, null, null, 0, 0, null);
        }
        if (c.current() != JsonToken.START_OBJECT) {
            c.expect(JsonToken.START_OBJECT, where.get(), "a list of polygons or an RLE object {counts, size}");
        }
        int[] counts = null;
        String compressed = null;
        Rle decoded = null;
        double[] size = null;
        while (c.next() == JsonToken.FIELD_NAME) {
            String name = c.fieldName();
            c.next();
            switch (name) {
                case "counts" -> {
                    if (c.current() == JsonToken.VALUE_STRING) {
                        decoded = decoder != null && validSize(size) ? decode(c, decoder, size) : null;
                        compressed = decoded != null ? null : c.readString(where.get() + ".counts");
                    } else {
                        double[] v = numbers(c, () -> where.get() + ".counts");
                        counts = new int[v.length];
                        for (int i = 0; i < v.length; i++) {
                            if (v[i] != Math.rint(v[i]) || v[i] < 0 || v[i] > Integer.MAX_VALUE) {
                                throw c.error(where.get() + ".counts[" + i + "]", "must be a non-negative integer, got "
                                        + v[i]);
                            }
                            counts[i] = (int) v[i];
                        }
                    }
                }
                case "size" -> size = numbers(c, () -> where.get() + ".size");
                default -> c.skipChildren();
            }
        }
        if (counts == null && compressed == null && decoded == null) {
            throw c.error(where.get(), "RLE segmentation without 'counts'");
        }
        if (!validSize(size)) {
            throw c.error(where.get(), "RLE segmentation needs 'size': [height, width] as non-negative integers, got "
                    + (size == null ? "none" : Arrays.toString(size)));
        }
        if (decoded != null && (decoded.height() != (int) size[0] || decoded.width() != (int) size[1])) {
            // a later 'size' member changed the size after the counts were decoded: decode again at that size
            // (the runs' own string; the same as the file's but for redundant digit groups)
            compressed = RleStrings.encode(decoded);
            decoded = null;
        }
        return new SegmentationJson(where, null, counts, compressed, (int) size[0], (int) size[1], decoded);
    }

    private static boolean validSize(double[] size) {
        return size != null && size.length == 2 && size[0] >= 0 && size[1] >= 0 && size[0] == Math.rint(size[0])
                && size[1] == Math.rint(size[1]);
    }

    /** The mask of the string at the cursor, or null when it does not decode (then read as a string). */
    private static Rle decode(JsonCursor c, RleDecoder decoder, double[] size) {
        try {
            char[] chars = c.parser.getTextCharacters();
            return decoder.decode(chars, c.parser.getTextOffset(), c.parser.getTextLength(), (int) size[0],
                    (int) size[1]);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The polygon pycocotools' loadRes gives a boxed result that has no segmentation: the box's corners
     * {@code [x1, y1, x1, y2, x2, y2, x2, y1]}.
     *
     * @param box {@code [x, y, w, h]} in pixels
     */
    static SegmentationJson boxPolygon(double[] box, Supplier<String> where) {
        double x1 = box[0];
        double x2 = box[0] + box[2];
        double y1 = box[1];
        double y2 = box[1] + box[3];
        return new SegmentationJson(where, List.of(new double[] {x1, y1, x1, y2, x2, y2, x2, y1}), null, null, 0, 0,
                null);
    }

    /** Reads an array of finite numbers. */
    static double[] numbers(JsonCursor c, String path) {
        return numbers(c, () -> path);
    }

    /** Reads an array of finite numbers; the path is built only for a message. */
    static double[] numbers(JsonCursor c, Supplier<String> path) {
        if (c.current() != JsonToken.START_ARRAY) {
            c.expect(JsonToken.START_ARRAY, path.get(), "an array of numbers");
        }
        // gathered in the cursor's room, then copied once at the length read
        double[] v = c.numberRoom(8);
        int n = 0;
        while (c.next() != JsonToken.END_ARRAY) {
            if (n == v.length) {
                v = c.numberRoom(n + 1);
            }
            v[n] = finite(c);
            if (Double.isNaN(v[n])) {
                v[n] = c.readFinite(path.get(), n, null); // not a finite number: the reader's own message
            }
            n++;
        }
        return Arrays.copyOf(v, n);
    }

    /** The current token as a finite double, or NaN when it is something else. */
    private static double finite(JsonCursor c) {
        JsonToken t = c.current();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            return Double.NaN;
        }
        try {
            double d = c.parser.getDoubleValue();
            return Double.isFinite(d) ? d : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** JSON path of the value, for messages. */
    String path() {
        return where.get();
    }

    /** True for the polygon form, whose mask size comes from the image. */
    boolean isPolygon() {
        return polygons != null;
    }

    /**
     * The mask; polygons are rasterised at {@code imageHeight x imageWidth} as pycocotools does.
     *
     * @throws IllegalArgumentException when the segmentation is invalid (fewer than 3 points, counts that
     *     do not sum to h*w, a malformed string, ...)
     */
    Rle toRle(int imageHeight, int imageWidth) {
        if (polygons != null) {
            if (polygons.isEmpty()) {
                throw new IllegalArgumentException("polygon segmentation has no parts");
            }
            if (Polygons.isBoxShaped(polygons.get(0))) {
                throw new IllegalArgumentException("first polygon has 4 numbers, which pycocotools reads as a box"
                        + " [x, y, w, h] and fails on; a polygon needs at least 3 points (6 numbers)");
            }
            if (imageHeight <= 0 || imageWidth <= 0) {
                throw new IllegalArgumentException("polygons need the image's height and width, which are missing");
            }
            return Polygons.rasterizeAll(polygons, imageHeight, imageWidth);
        }
        if (counts != null) {
            return Rle.of(height, width, counts);
        }
        if (decoded != null) {
            return decoded;
        }
        return RleStrings.decode(compressed, height, width);
    }
}
