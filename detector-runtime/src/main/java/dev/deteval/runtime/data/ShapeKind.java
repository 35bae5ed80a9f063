package dev.deteval.runtime.data;

import java.util.List;

/**
 * The object classes of the synthetic data set. The COCO category id is the ordinal plus one; the
 * detector's class channel is the ordinal.
 */
public enum ShapeKind {
    /** A filled axis-aligned rectangle that fills its box. */
    RECTANGLE("rectangle"),
    /** A filled ellipse inscribed in its box. */
    ELLIPSE("ellipse"),
    /** A filled triangle with its base on the box's bottom edge and its apex somewhere on the top edge. */
    TRIANGLE("triangle"),
    /** A filled plus sign: two bars a third of the box thick, crossing in the middle. */
    CROSS("cross");

    private static final List<ShapeKind> ALL = List.of(values());

    private final String categoryName;

    ShapeKind(String categoryName) {
        this.categoryName = categoryName;
    }

    /** The COCO category name. */
    public String categoryName() {
        return categoryName;
    }

    /** The COCO category id, 1 for the first kind. */
    public long categoryId() {
        return ordinal() + 1L;
    }

    /** Every kind in class-channel order. */
    public static List<ShapeKind> all() {
        return ALL;
    }

    /**
     * The kind of a COCO category id.
     *
     * @param categoryId 1 to {@code all().size()}
     */
    public static ShapeKind ofCategoryId(long categoryId) {
        if (categoryId < 1 || categoryId > ALL.size()) {
            throw new IllegalArgumentException("no shape has category id " + categoryId);
        }
        return ALL.get((int) categoryId - 1);
    }
}
