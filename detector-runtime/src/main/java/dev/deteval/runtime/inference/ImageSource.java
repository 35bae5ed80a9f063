package dev.deteval.runtime.inference;

/** Images to detect on, all of one size, each with a COCO image id. */
public interface ImageSource {

    /** Number of images. */
    int count();

    /** Width of every image, in pixels. */
    int width();

    /** Height of every image, in pixels. */
    int height();

    /**
     * The COCO image id of an image.
     *
     * @param index 0-based position
     */
    long imageId(int index);

    /**
     * Writes an image as channel-first RGB scaled to [0, 1].
     *
     * @param index 0-based position
     * @param target receives {@code (3, height, width)} floats
     * @param offset first index written
     */
    void fill(int index, float[] target, int offset);
}
