package dev.deteval.eval.data;

import java.util.Objects;

/**
 * A COCO category: its numeric id (any {@code long}, not necessarily contiguous) and its display name.
 *
 * @param id the category id as written in the ground truth
 * @param name the category name; empty when the file gives none
 * @param supercategory the COCO supercategory; empty when the file gives none
 */
public record Category(long id, String name, String supercategory) {

    /** Checks that the names are present (use the empty string for none). */
    public Category {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(supercategory, "supercategory");
    }

    /** A category without supercategory. */
    public static Category of(long id, String name) {
        return new Category(id, name, "");
    }
}
