package dev.deteval.eval.coco;

/** Which COCO behaviour to reproduce. */
public enum CocoMode {
    /**
     * Reproduces pycocotools' {@code COCOeval} (commit 8c9bcc3) to the last bit, quirks included: the
     * headline AP always uses maxDets = 100, an annotation's {@code ignore} field is overwritten by
     * {@code iscrowd}, a ground truth with annotation id 0 never counts as matched, and the default
     * thresholds are numpy's {@code linspace} values (0.8999999999999999, 0.7000000000000001, …).
     */
    COMPAT("compat", "pycocotools-compatible"),
    /**
     * Fixes the documented pycocotools bugs: the headline AP and the maxDets-dependent stats use the
     * largest maxDets, an explicit {@code ignore: 1} makes a ground truth ignored, annotation id 0 is an
     * ordinary id, and the default thresholds are exact decimals (0.90, 0.70). Numbers differ from
     * pycocotools; every report labels them.
     */
    CORRECTED("corrected", "documented pycocotools bugs fixed; differs from pycocotools");

    private final String id;
    private final String label;

    CocoMode(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The lower-case name used on the command line and in reports ({@code compat}, {@code corrected}). */
    public String id() {
        return id;
    }

    /** A short human label for reports. */
    public String label() {
        return label;
    }

    /** Parses {@code compat} or {@code corrected} (any case). */
    public static CocoMode parse(String text) {
        for (CocoMode m : values()) {
            if (m.id.equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + text + "': expected compat or corrected");
    }
}
