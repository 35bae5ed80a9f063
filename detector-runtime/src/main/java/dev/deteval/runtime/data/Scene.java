package dev.deteval.runtime.data;

import java.util.List;

/**
 * What one synthetic image shows, before it is drawn: a background, objects painted in list order (later
 * objects cover earlier ones) and the seed of the pixel noise.
 *
 * @param width image width in pixels
 * @param height image height in pixels
 * @param background background colour, {@code 0xRRGGBB}
 * @param noiseSeed seed of the per-pixel noise
 * @param objects the objects, bottom first
 */
public record Scene(int width, int height, int background, long noiseSeed, List<SceneObject> objects) {

    /** Copies the object list. */
    public Scene {
        objects = List.copyOf(objects);
    }
}
