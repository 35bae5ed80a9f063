package dev.deteval.eval.coco;

/**
 * What a COCO evaluation compares (pycocotools' {@code iouType}): boxes, instance masks or keypoints.
 * The type selects the similarity between a detection and a ground truth, the parameter defaults and
 * the summary statistics.
 */
public enum IouType {
    /** Box IoU of {@code [x, y, w, h]} boxes; 12 summary statistics. */
    BBOX("bbox"),
    /** Mask IoU of run-length-encoded masks; the same 12 summary statistics as boxes. */
    SEGM("segm"),
    /**
     * Object keypoint similarity (OKS); defaults maxDets [20] and area ranges all/medium/large;
     * 10 summary statistics.
     */
    KEYPOINTS("keypoints");

    private final String label;

    IouType(String label) {
        this.label = label;
    }

    /** The name pycocotools uses ({@code bbox}, {@code segm}, {@code keypoints}). */
    public String label() {
        return label;
    }

    /**
     * The type named {@code label} as pycocotools spells it.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static IouType of(String label) {
        for (IouType t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("iouType must be bbox, segm or keypoints, got '" + label + "'");
    }

    /**
     * The type named {@code text} in any case and with surrounding blanks ({@code BBOX}, {@code Segm}), as
     * front-ends accept it; {@link #of(String)} keeps pycocotools' exact spelling for parameter files.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static IouType parse(String text) {
        String t = text == null ? "" : text.trim();
        for (IouType type : values()) {
            if (type.label.equalsIgnoreCase(t)) {
                return type;
            }
        }
        throw new IllegalArgumentException("iouType must be bbox, segm or keypoints, got '" + text + "'");
    }
}
