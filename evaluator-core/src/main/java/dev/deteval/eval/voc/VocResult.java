package dev.deteval.eval.voc;

import java.util.List;
import java.util.Objects;

/**
 * The result of a VOC evaluation.
 *
 * @param perClass one entry per class, in the dataset's class order
 * @param map07 mean of {@link VocClassResult#ap07()} over the classes that have positives (numpy's
 *     {@code np.mean}, pairwise summation), or -1 when no class has any
 * @param map10 mean of {@link VocClassResult#ap10()} over the same classes, or -1
 * @param params the parameters used
 */
public record VocResult(List<VocClassResult> perClass, double map07, double map10, VocParams params) {

    /** Copies the list and checks for nulls. */
    public VocResult {
        perClass = List.copyOf(perClass);
        Objects.requireNonNull(params, "params");
    }

    /** The entry of the class with this name, or null. */
    public VocClassResult classResult(String name) {
        for (VocClassResult r : perClass) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }
}
