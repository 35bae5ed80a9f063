package dev.deteval.eval.mask;

import java.util.ArrayList;
import java.util.List;

/**
 * Polygon to mask conversion identical to pycocotools ({@code rleFrPoly} in maskApi.c, {@code annToRLE} in
 * coco.py).
 *
 * <p>Coordinates are pixels, {@code x} to the right and {@code y} down, with pixel {@code (y, x)} covering
 * the unit square whose top-left corner is {@code (x, y)}; roughly a pixel is set when its centre is inside
 * the polygon, with ties decided by pycocotools' roundings: vertices are scaled by 5 and truncated with
 * {@code (int)(5*v + .5)}, edges are walked on that 5x grid, and only steps that map back to a whole pixel
 * column in {@code [0, w-1]} become column boundaries, their row clamped to {@code [0, h]}. So
 * {@code [10,10, 42,10, 42,42, 10,42]} covers the 32x32 pixels from (10, 10), and the same square moved by
 * {@code (+0.3, +0.7)} covers 32x32 pixels from (10, 11).
 */
public final class Polygons {

    /** Coordinates beyond this overflow pycocotools' int arithmetic on the 5x grid. */
    private static final double MAX_COORDINATE = 1e8;

    private Polygons() {
    }

    /**
     * The mask of one polygon, identical to pycocotools' {@code frPyObjects([xy], h, w)}.
     *
     * @param xy vertices {@code [x0, y0, x1, y1, ...]} in pixels, at least 3 points; the closing edge back to
     *        the first point is implied; points may lie outside the image
     * @param h image height in pixels
     * @param w image width in pixels
     * @return the mask, run-length encoded; the empty mask for an image without pixels
     * @throws IllegalArgumentException for fewer than 3 points, an odd number of values, or a coordinate that is
     *         not finite or beyond +-1e8
     */
    public static Rle rasterize(double[] xy, int h, int w) {
        checkPolygon(xy);
        long pixels = Rle.pixels(h, w);
        if (pixels == 0) {
            return Rle.checked(h, w, new int[] {0});
        }
        return Rle.checked(h, w, PolygonScan.runs(xy, h, w));
    }

    /**
     * The union of the parts of one polygon segmentation, as pycocotools' {@code annToRLE} for a list of
     * polygons: each part rasterised by {@link #rasterize}, then OR-merged with {@link Rle#merge}.
     *
     * <p>Check {@link #isBoxShaped} on the first part before calling this when the input is COCO JSON.
     *
     * @param polygons at least one part, each as in {@link #rasterize}
     * @throws IllegalArgumentException for an empty list or an invalid part (the message names its index)
     */
    public static Rle rasterizeAll(List<double[]> polygons, int h, int w) {
        if (polygons.isEmpty()) {
            throw new IllegalArgumentException("polygon segmentation has no parts");
        }
        List<Rle> parts = new ArrayList<>(polygons.size());
        for (int i = 0; i < polygons.size(); i++) {
            try {
                parts.add(rasterize(polygons.get(i), h, w));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("polygon part " + i + ": " + e.getMessage(), e);
            }
        }
        return Rle.merge(parts, false);
    }

    /**
     * Whether pycocotools would read {@code part} as a box {@code [x, y, w, h]} rather than a polygon: its
     * {@code frPyObjects} sends a list of parts whose <em>first</em> part has exactly 4 numbers to
     * {@code frBbox}. At cocoapi commit 8c9bcc3 that call fails with a {@code TypeError} for JSON lists
     * (cocoapi issues #139 and #369), so such a segmentation is an error for pycocotools; callers may reject
     * it or, if they want the box it was meant as, use {@link Rle#fromBox}. This class never makes that
     * choice: {@link #rasterize} rejects 4 numbers as too few points.
     */
    public static boolean isBoxShaped(double[] part) {
        return part.length == 4;
    }

    private static void checkPolygon(double[] xy) {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("polygon has an odd number of coordinates (" + xy.length + ")");
        }
        if (xy.length < 6) {
            throw new IllegalArgumentException(
                    "polygon has " + xy.length / 2 + " points (" + xy.length + " coordinates), at least 3 needed");
        }
        for (int i = 0; i < xy.length; i++) {
            if (!(Math.abs(xy[i]) <= MAX_COORDINATE)) {
                throw new IllegalArgumentException("polygon coordinate " + i + " is " + xy[i]
                        + ", expected a finite number within +-" + (long) MAX_COORDINATE);
            }
        }
    }
}
