package dev.deteval.eval.io;

import dev.deteval.eval.data.GroundTruth;
import java.util.Arrays;

/** The height and width of each ground-truth image by id, for rasterising result polygons. */
final class ImageSizes {

    private final long[] ids;
    private final int[] heights;
    private final int[] widths;

    private ImageSizes(long[] ids, int[] heights, int[] widths) {
        this.ids = ids;
        this.heights = heights;
        this.widths = widths;
    }

    /** The sizes of every image of {@code gt}. */
    static ImageSizes of(GroundTruth gt) {
        int n = gt.imageCount();
        long[] ids = gt.sortedImageIds();
        int[] heights = new int[n];
        int[] widths = new int[n];
        for (int i = 0; i < n; i++) {
            int at = Arrays.binarySearch(ids, gt.imageId(i));
            heights[at] = gt.imageHeight(i);
            widths[at] = gt.imageWidth(i);
        }
        return new ImageSizes(ids, heights, widths);
    }

    /** Height in pixels of the image with this id (0 when unknown or not there). */
    int height(long id) {
        int at = Arrays.binarySearch(ids, id);
        return at < 0 ? 0 : heights[at];
    }

    /** Width in pixels of the image with this id (0 when unknown or not there). */
    int width(long id) {
        int at = Arrays.binarySearch(ids, id);
        return at < 0 ? 0 : widths[at];
    }
}
