package dev.deteval.runtime.data;

/**
 * How synthetic scenes are drawn; an immutable value.
 *
 * @param width image width in pixels, at least 16
 * @param height image height in pixels, at least 16
 * @param maxObjects objects per image are uniform in {@code [0, maxObjects]}
 * @param minSize smallest box side in pixels, at least 4
 * @param maxSize largest box side in pixels, at most the image's smaller side
 * @param maxCover the largest share of an object's box another object's box may cover, in [0, 1): partial
 *     overlaps are allowed, hiding an object is not
 * @param noise amplitude of the uniform per-channel pixel noise, in 0–255 grey levels
 */
public record ShapesConfig(int width, int height, int maxObjects, int minSize, int maxSize, double maxCover,
        int noise) {

    /** 64 × 64 images, 0–4 objects of 8–40 px, overlaps up to 30 % of a box, noise ± 12 grey levels. */
    public static final ShapesConfig DEFAULT = new ShapesConfig(64, 64, 4, 8, 40, 0.3, 12);

    /** Checks the ranges. */
    public ShapesConfig {
        if (width < 16 || height < 16) {
            throw new IllegalArgumentException("images must be at least 16 x 16 pixels, got " + width + " x " + height);
        }
        if (maxObjects < 0) {
            throw new IllegalArgumentException("maxObjects must not be negative, got " + maxObjects);
        }
        if (minSize < 4 || maxSize < minSize || maxSize > Math.min(width, height)) {
            throw new IllegalArgumentException("object sizes must satisfy 4 <= min <= max <= image side, got "
                    + minSize + " to " + maxSize + " in " + width + " x " + height);
        }
        if (!(maxCover >= 0 && maxCover < 1)) {
            throw new IllegalArgumentException("maxCover must be in [0, 1), got " + maxCover);
        }
        if (noise < 0 || noise > 127) {
            throw new IllegalArgumentException("noise must be in [0, 127], got " + noise);
        }
    }

    /** This configuration with another image size; object sizes are capped by the new smaller side. */
    public ShapesConfig withSize(int newWidth, int newHeight) {
        int cap = Math.min(newWidth, newHeight);
        return new ShapesConfig(newWidth, newHeight, maxObjects, Math.min(minSize, cap), Math.min(maxSize, cap),
                maxCover, noise);
    }
}
