package dev.deteval.runtime.data;

import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.geometry.Box;

/**
 * The COCO ground truth of the first images of a generator, as evaluator-core holds it: image {@code i}
 * (0-based) has id {@code i + 1} and file name {@link #fileName(long)}; annotation ids count from 1 in
 * image order; categories are the {@link ShapeKind}s; area is the box area (w × h); nothing is crowd.
 */
public final class ShapesGroundTruth {

    private ShapesGroundTruth() {
    }

    /**
     * Builds the ground truth.
     *
     * @param generator the scenes
     * @param images number of images, from scene 0
     */
    public static GroundTruth of(SceneGenerator generator, int images) {
        GroundTruth.Builder builder = GroundTruth.builder();
        for (ShapeKind kind : ShapeKind.all()) {
            builder.addCategory(kind.categoryId(), kind.categoryName());
        }
        ShapesConfig config = generator.config();
        long annotation = 0;
        for (int i = 0; i < images; i++) {
            builder.addImage(imageId(i), config.width(), config.height(), fileName(i));
            for (SceneObject object : generator.scene(i).objects()) {
                Box b = object.box();
                builder.addAnnotation(++annotation, imageId(i), object.kind().categoryId(), b.x1(), b.y1(), b.width(),
                        b.height(), b.area(), false, false);
            }
        }
        return builder.build();
    }

    /** The COCO image id of scene {@code index}: {@code index + 1}. */
    public static long imageId(long index) {
        return index + 1;
    }

    /** The PNG file name of scene {@code index}, e.g. {@code 000001.png} for index 0. */
    public static String fileName(long index) {
        return String.format("%06d.png", imageId(index));
    }
}
