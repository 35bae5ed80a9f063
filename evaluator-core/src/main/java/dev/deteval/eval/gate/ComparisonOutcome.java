package dev.deteval.eval.gate;

import dev.deteval.eval.coco.Comparison;
import java.util.List;

/**
 * What {@link Gate#compare} produced.
 *
 * @param comparison the paired comparison, candidate minus baseline
 * @param images the number of images resampled
 * @param warnings warnings about the inputs and the evaluation
 */
public record ComparisonOutcome(Comparison comparison, int images, List<String> warnings) {

    /** Copies the warnings. */
    public ComparisonOutcome {
        warnings = List.copyOf(warnings);
    }
}
