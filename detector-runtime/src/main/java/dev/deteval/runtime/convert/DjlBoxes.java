package dev.deteval.runtime.convert;

import ai.djl.modality.cv.output.BoundingBox;
import ai.djl.modality.cv.output.DetectedObjects;
import ai.djl.modality.cv.output.Rectangle;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.geometry.Box;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The one place where DJL's boxes meet evaluator-core's. DJL's {@link Rectangle} is {@code (x, y, width,
 * height)} as fractions of the image size, top-left origin; evaluator-core's {@link Box} is edges in
 * continuous pixel coordinates. The conversion is a plain scale by the image size: no +1 pixel, no
 * rounding, no clipping (DJL's own {@code Rectangle.getIoU} adds a pixel to ratio coordinates, which is why
 * nothing here or downstream uses it).
 */
public final class DjlBoxes {

    private DjlBoxes() {
    }

    /**
     * A DJL box in pixels.
     *
     * @param box normalised box; its {@link BoundingBox#getBounds() bounds} are used
     * @param width image width in pixels
     * @param height image height in pixels
     * @return {@code [x·W, y·H, (x + w)·W, (y + h)·H]}
     */
    public static Box toPixels(BoundingBox box, int width, int height) {
        Rectangle r = box.getBounds();
        return new Box(r.getX() * width, r.getY() * height, (r.getX() + r.getWidth()) * width,
                (r.getY() + r.getHeight()) * height);
    }

    /**
     * A pixel box as DJL's normalised rectangle.
     *
     * @param box edges in pixels
     * @param width image width in pixels, positive
     * @param height image height in pixels, positive
     */
    public static Rectangle toNormalised(Box box, int width, int height) {
        return new Rectangle(box.x1() / width, box.y1() / height, box.width() / width, box.height() / height);
    }

    /**
     * A pixel box as normalised edges, the layout of DJL's detection data set labels.
     *
     * @return {@code [x1/W, y1/H, x2/W, y2/H]} as float32
     */
    public static float[] toNormalisedEdges(Box box, int width, int height) {
        return new float[] {(float) (box.x1() / width), (float) (box.y1() / height), (float) (box.x2() / width),
            (float) (box.y2() / height)};
    }

    /**
     * Pixel detections of one image as DJL's {@link DetectedObjects}.
     *
     * @param classNames class name of each detection
     * @param scores score of each detection
     * @param boxes pixel box of each detection
     * @param width image width in pixels
     * @param height image height in pixels
     */
    public static DetectedObjects toDetectedObjects(List<String> classNames, List<Double> scores, List<Box> boxes,
            int width, int height) {
        List<BoundingBox> normalised = new ArrayList<>(boxes.size());
        for (Box box : boxes) {
            normalised.add(toNormalised(box, width, height));
        }
        return new DetectedObjects(classNames, scores, normalised);
    }

    /**
     * Adds DJL detections of one image to evaluator-core detections, in pixels.
     *
     * @param target where the rows are added
     * @param imageId the COCO image id
     * @param objects the image's detections (normalised boxes)
     * @param width image width in pixels
     * @param height image height in pixels
     * @param categoryIds the COCO category id of a DJL class name
     */
    public static void addTo(Detections.Builder target, long imageId, DetectedObjects objects, int width, int height,
            ToLongFunction<String> categoryIds) {
        List<DetectedObjects.DetectedObject> items = objects.items();
        for (DetectedObjects.DetectedObject item : items) {
            Box box = toPixels(item.getBoundingBox(), width, height);
            target.add(imageId, categoryIds.applyAsLong(item.getClassName()), box.x1(), box.y1(), box.width(),
                    box.height(), item.getProbability());
        }
    }
}
