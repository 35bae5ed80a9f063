package dev.deteval.eval.geometry;

/**
 * How four numbers describe an axis-aligned box. All formats use continuous pixel coordinates with the
 * origin at the top-left corner and y pointing down.
 */
public enum BoxFormat {
    /** {@code [x1, y1, x2, y2]}: left, top, right, bottom edges. */
    XYXY,
    /** {@code [x, y, w, h]}: left and top edges, width and height (COCO's {@code bbox}). */
    XYWH,
    /** {@code [cx, cy, w, h]}: centre, width and height (YOLO style, here in pixels). */
    CXCYWH;

    /** Converts four values in this format to a {@link Box}. */
    public Box toBox(double a, double b, double c, double d) {
        return switch (this) {
            case XYXY -> new Box(a, b, c, d);
            case XYWH -> new Box(a, b, a + c, b + d);
            case CXCYWH -> new Box(a - c / 2, b - d / 2, a + c / 2, b + d / 2);
        };
    }

    /** Writes {@code box} in this format: returns four values. */
    public double[] fromBox(Box box) {
        return switch (this) {
            case XYXY -> new double[] {box.x1(), box.y1(), box.x2(), box.y2()};
            case XYWH -> new double[] {box.x1(), box.y1(), box.width(), box.height()};
            case CXCYWH -> new double[] {(box.x1() + box.x2()) / 2, (box.y1() + box.y2()) / 2, box.width(),
                box.height()};
        };
    }
}
