package dev.deteval.eval.coco;

import java.util.List;

/**
 * Operating points: the pooled (micro) point over all categories and one point per category, in the
 * evaluation's category order.
 *
 * @param iou the IoU threshold of the matching
 * @param overall the pooled point (counts summed over categories)
 * @param perCategory one point per evaluated category
 */
public record OperatingPointTable(double iou, OperatingPoint overall, List<OperatingPoint> perCategory) {

    /** Defensive copy. */
    public OperatingPointTable {
        perCategory = List.copyOf(perCategory);
    }
}
