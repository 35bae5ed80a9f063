package dev.deteval.eval.gate;

import dev.deteval.eval.voc.BoxConvention;
import dev.deteval.eval.voc.MatchRule;
import dev.deteval.eval.voc.VocParams;
import java.util.Locale;

/**
 * The VOC settings as front-ends spell them: boxes {@code pixel} (voc_eval.py's +1) or
 * {@code continuous}, match {@code gt} (overlap &gt; threshold, voc_eval.py) or {@code ge}, and the overlap
 * threshold (0.5 by default). Words are case-insensitive.
 */
public final class VocOptions {

    private VocOptions() {
    }

    /**
     * The VOC parameters for these words.
     *
     * @param boxes {@code pixel} or {@code continuous}; null for pixel
     * @param match {@code gt} or {@code ge}; null for gt
     * @param overlap the overlap threshold, or null for 0.5
     * @throws IllegalArgumentException for another word or a threshold outside [0, 1]
     */
    public static VocParams of(String boxes, String match, Double overlap) {
        VocParams p = VocParams.defaults();
        p = switch (word(boxes, "pixel")) {
            case "pixel" -> p.withBoxConvention(BoxConvention.PIXEL_PLUS_ONE);
            case "continuous" -> p.withBoxConvention(BoxConvention.CONTINUOUS);
            default -> throw new IllegalArgumentException("VOC boxes '" + boxes + "': expected pixel or continuous");
        };
        p = switch (word(match, "gt")) {
            case "gt" -> p.withMatchRule(MatchRule.GREATER);
            case "ge" -> p.withMatchRule(MatchRule.GREATER_OR_EQUAL);
            default -> throw new IllegalArgumentException("VOC match '" + match + "': expected gt or ge");
        };
        return overlap == null ? p : p.withOverlapThreshold(overlap);
    }

    private static String word(String text, String fallback) {
        return text == null ? fallback : text.trim().toLowerCase(Locale.ROOT);
    }
}
