package dev.deteval.eval.cli;

import dev.deteval.eval.coco.BootstrapSettings;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.internal.NumpyMath;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the command line's short forms of COCO parameters: {@code --max-dets 1,10,300},
 * {@code --iou-thrs 0.5:0.95:0.05} (or a list {@code 0.5,0.75}), {@code --area-rng all=0:1e10,small=0:1024}
 * and {@code --iou-type}, and the bootstrap's {@code --ci}/{@code --resamples}/{@code --seed} (shared by
 * {@code eval} and {@code compare}). Each problem is an {@link IllegalArgumentException} naming the option
 * (exit code 2).
 */
final class ParamFlags {

    private ParamFlags() {
    }

    /** {@code bbox}, {@code segm} or {@code keypoints}, the value of {@code --iou-type}. */
    static IouType iouType(String text) {
        try {
            return IouType.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--iou-type " + text + ": expected bbox, segm or keypoints", e);
        }
    }

    /**
     * The bootstrap's settings from the options given, each one not given (null) at its default.
     *
     * @throws IllegalArgumentException as {@link BootstrapSettings} for a level or count out of range
     */
    static BootstrapSettings bootstrap(Double level, Integer resamples, Long seed) {
        return new BootstrapSettings(level == null ? BootstrapSettings.DEFAULT_LEVEL : level,
                resamples == null ? BootstrapSettings.DEFAULT_RESAMPLES : resamples,
                seed == null ? BootstrapSettings.DEFAULT_SEED : seed);
    }

    /** {@code 1,10,300}: positive integers, separated by commas. */
    static int[] maxDets(String text) {
        String[] parts = split("--max-dets", text, ",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--max-dets " + text + ": '" + parts[i].trim() + "' is not an"
                        + " integer; write e.g. 1,10,300");
            }
        }
        return out;
    }

    /**
     * {@code START:STOP:STEP} gives numpy's {@code linspace(START, STOP, round((STOP - START) / STEP) + 1)},
     * as pycocotools builds its thresholds ({@code 0.5:0.95:0.05} is its default, to the last bit); a
     * comma-separated list gives those values.
     */
    static double[] iouThrs(String text) {
        String t = text == null ? "" : text.trim();
        if (t.indexOf(':') >= 0) {
            String[] p = split("--iou-thrs", t, ":");
            if (p.length != 3) {
                throw new IllegalArgumentException("--iou-thrs " + text + ": expected START:STOP:STEP, e.g."
                        + " 0.5:0.95:0.05, or a list such as 0.5,0.75");
            }
            double start = number("--iou-thrs", p[0]);
            double stop = number("--iou-thrs", p[1]);
            double step = number("--iou-thrs", p[2]);
            if (step <= 0 || stop < start) {
                throw new IllegalArgumentException("--iou-thrs " + text + ": STEP must be positive and STOP at least"
                        + " START");
            }
            double count = Math.rint((stop - start) / step) + 1;
            if (count > 1001) {
                throw new IllegalArgumentException("--iou-thrs " + text + ": more than 1001 thresholds");
            }
            return NumpyMath.linspace(start, stop, (int) count);
        }
        String[] parts = split("--iou-thrs", t, ",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = number("--iou-thrs", parts[i]);
        }
        return out;
    }

    /** Area ranges and their labels, from {@code LABEL=MIN:MAX,…}. */
    record AreaRanges(double[][] ranges, String[] labels) {
    }

    /** {@code all=0:1e10,small=0:1024,…}: a label and a [min, max] area in pixels² per range. */
    static AreaRanges areaRng(String text) {
        List<double[]> ranges = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String part : split("--area-rng", text, ",")) {
            int eq = part.indexOf('=');
            int colon = part.indexOf(':', eq + 1);
            if (eq <= 0 || colon < 0) {
                throw new IllegalArgumentException("--area-rng " + text + ": '" + part.trim() + "' is not"
                        + " LABEL=MIN:MAX; write e.g. all=0:1e10,small=0:1024,medium=1024:9216,large=9216:1e10");
            }
            labels.add(part.substring(0, eq).trim());
            ranges.add(new double[] {number("--area-rng", part.substring(eq + 1, colon)),
                number("--area-rng", part.substring(colon + 1))});
        }
        return new AreaRanges(ranges.toArray(new double[0][]), labels.toArray(new String[0]));
    }

    private static String[] split(String option, String text, String separator) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return t.split(separator, -1);
    }

    private static double number(String option, String text) {
        try {
            double v = Double.parseDouble(text.trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + text.trim() + "' is not a finite number");
        }
    }
}
