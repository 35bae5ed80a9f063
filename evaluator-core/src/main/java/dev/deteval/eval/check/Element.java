package dev.deteval.eval.check;

import java.util.Locale;

/** What a rule's limits apply to. */
public enum Element {
    /** The dataset as a whole: the headline statistics ({@code AP}, {@code AR100}, VOC {@code mAP}, …). */
    DATASET,
    /** Each category (VOC: class) whose name matches the rule's includes and none of its excludes. */
    CATEGORY;

    /**
     * Parses {@code DATASET} or {@code CATEGORY}, in any case.
     *
     * @throws InvalidRuleException for anything else
     */
    public static Element parse(String text) {
        String t = text == null ? "" : text.trim();
        for (Element e : values()) {
            if (e.name().equalsIgnoreCase(t)) {
                return e;
            }
        }
        throw new InvalidRuleException("unknown rule element '" + text + "': expected DATASET or CATEGORY");
    }

    /** The lower-case word used in messages and reports ({@code dataset}, {@code category}). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
