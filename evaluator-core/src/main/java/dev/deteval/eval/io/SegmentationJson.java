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

/**
 * A COCO {@code segmentation} as read from JSON, before it becomes a mask: a list of polygons (rasterised
 * at the image's size, which may only be known once the whole file is read), an uncompressed RLE
 * ({@code {"counts": [..], "size": [h, w]}}) or a compressed RLE (string counts).
 *
 * @param path JSON path of the value, for messages
 * @param polygons polygon parts {@code [x0, y0, x1, y1, ...]}, or null
 * @param counts uncompressed run lengths, or null
 * @param compressed compressed counts string, or null
 * @param height RLE height (RLE forms only)
 * @param width RLE width (RLE forms only)
 * @param decoded the mask of a compressed RLE decoded while reading, or null
 */
record SegmentationJson(String path, List<double[]> polygons, int[] counts, String compressed, int height,
        int width, Rle decoded) {

    /** Reads the value at the cursor (an array of polygons or an RLE object). */
    static SegmentationJson read(JsonCursor c, String path) {
        return read(c, path, null);
    }

    /**
     * Reads the value at the cursor; with a {@code decoder}, compressed counts that follow a valid
     * {@code size} (pycocotools writes size first) are decoded straight from the parser's characters, with no
     * string made. Counts that fail to decode are kept as a string, so {@link #toRle} reports them as usual.
     */
    static SegmentationJson read(JsonCursor c, String path, RleDecoder decoder) {
        if (c.current() == JsonToken.START_ARRAY) {
            List<double[]> parts = new ArrayList<>();
            while (c.next() != JsonToken.END_ARRAY) {
                parts.add(numbers(c, path + "[" + parts.size() + "]"));
            }
            return new SegmentationJson(path, parts, null, null, 0, 0, null);
        }
        c.expect(JsonToken.START_OBJECT, path, "a list of polygons or an RLE object {counts, size}");
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
                        compressed = decoded != null ? null : c.readString(path + ".counts");
                    } else {
                        double[] v = numbers(c, path + ".counts");
                        counts = new int[v.length];
                        for (int i = 0; i < v.length; i++) {
                            if (v[i] != Math.rint(v[i]) || v[i] < 0 || v[i] > Integer.MAX_VALUE) {
                                throw c.error(path + ".counts[" + i + "]", "must be a non-negative integer, got "
                                        + v[i]);
                            }
                            counts[i] = (int) v[i];
                        }
                    }
                }
                case "size" -> size = numbers(c, path + ".size");
                default -> c.skipChildren();
            }
        }
        if (counts == null && compressed == null && decoded == null) {
            throw c.error(path, "RLE segmentation without 'counts'");
        }
        if (!validSize(size)) {
            throw c.error(path, "RLE segmentation needs 'size': [height, width] as non-negative integers, got "
                    + (size == null ? "none" : Arrays.toString(size)));
        }
        if (decoded != null && (decoded.height() != (int) size[0] || decoded.width() != (int) size[1])) {
            // a later 'size' member changed the size after the counts were decoded: decode again at that size
            // (the runs' own string; the same as the file's but for redundant digit groups)
            compressed = RleStrings.encode(decoded);
            decoded = null;
        }
        return new SegmentationJson(path, null, counts, compressed, (int) size[0], (int) size[1], decoded);
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
    static SegmentationJson boxPolygon(double[] box, String path) {
        double x1 = box[0];
        double x2 = box[0] + box[2];
        double y1 = box[1];
        double y2 = box[1] + box[3];
        return new SegmentationJson(path, List.of(new double[] {x1, y1, x1, y2, x2, y2, x2, y1}), null, null, 0, 0,
                null);
    }

    /** Reads an array of finite numbers. */
    static double[] numbers(JsonCursor c, String path) {
        c.expect(JsonToken.START_ARRAY, path, "an array of numbers");
        double[] v = new double[16];
        int n = 0;
        while (c.next() != JsonToken.END_ARRAY) {
            if (n == v.length) {
                v = Arrays.copyOf(v, 2 * n);
            }
            v[n] = c.readFinite(path + "[" + n + "]");
            n++;
        }
        return Arrays.copyOf(v, n);
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
