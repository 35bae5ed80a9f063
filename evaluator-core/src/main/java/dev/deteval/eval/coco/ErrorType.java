package dev.deteval.eval.coco;

/**
 * The kinds of mistake of {@link ErrorBreakdown}, in the order TIDE reports them. The first five classify
 * false positives; {@link #MISSED} counts ground truths.
 */
public enum ErrorType {
    /** Right place, wrong class: overlaps a ground truth of another class by at least the foreground IoU. */
    CLASSIFICATION("Cls"),
    /** Right class, loose box: best overlap with its own class in [background, foreground). */
    LOCALIZATION("Loc"),
    /** Wrong class and loose: overlaps another class's ground truth in [background, foreground). */
    BOTH("Both"),
    /** Right class and place, but the ground truth was already taken by a higher-scored detection. */
    DUPLICATE("Dupe"),
    /** Overlaps no ground truth by the background IoU or more. */
    BACKGROUND("Bkg"),
    /** A ground truth no detection found and no class or localisation error lies on. */
    MISSED("Miss");

    private final String shortName;

    ErrorType(String shortName) {
        this.shortName = shortName;
    }

    /** TIDE's short name: Cls, Loc, Both, Dupe, Bkg, Miss. */
    public String shortName() {
        return shortName;
    }
}
