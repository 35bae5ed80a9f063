package dev.deteval.eval.coco;

import dev.deteval.eval.data.Names;

/**
 * An LVIS category's frequency group, the {@code frequency} field of its entry in the ground truth:
 * rare ({@code "r"}), common ({@code "c"}) or frequent ({@code "f"}). LVIS assigned the groups by how many
 * training images show the category (fewer than 10, 10 to 99, 100 or more); the evaluation reads only
 * the letter, never a count. APr, APc and APf average the categories of one group.
 */
public enum Frequency {
    /** {@code "r"}: rare. */
    RARE("r"),
    /** {@code "c"}: common. */
    COMMON("c"),
    /** {@code "f"}: frequent. */
    FREQUENT("f");

    private final String letter;

    Frequency(String letter) {
        this.letter = letter;
    }

    /** The letter as written in LVIS files and in metric names: {@code r}, {@code c} or {@code f}. */
    public String letter() {
        return letter;
    }

    /**
     * The group written as {@code text} (exactly {@code r}, {@code c} or {@code f}, as lvis-api requires).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Frequency parse(String text) {
        for (Frequency f : values()) {
            if (f.letter.equals(text)) {
                return f;
            }
        }
        throw new IllegalArgumentException("frequency must be \"r\", \"c\" or \"f\", got "
                + (text == null ? "null" : "\"" + Names.cell(text) + "\""));
    }
}
