package dev.deteval.runtime.data;

import dev.deteval.eval.geometry.Box;
import java.util.Objects;

/**
 * One object of a scene.
 *
 * @param kind its class
 * @param box its bounding box in pixels (edges on whole pixels; the shape touches all four edges)
 * @param apex for a triangle, the apex's x offset from the left edge as a fraction of the width, in
 *     [0, 1]; unused by other kinds
 * @param rgb fill colour, {@code 0xRRGGBB}
 */
public record SceneObject(ShapeKind kind, Box box, double apex, int rgb) {

    /** Checks the kind and the apex fraction. */
    public SceneObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(box, "box");
        if (!(apex >= 0 && apex <= 1)) {
            throw new IllegalArgumentException("apex must be in [0, 1], got " + apex);
        }
    }
}
