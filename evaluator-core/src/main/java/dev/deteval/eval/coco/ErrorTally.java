package dev.deteval.eval.coco;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.IntFunction;

/**
 * Collects, image by image, what {@link ErrorBreakdown} needs: per class the matched detections (score,
 * in image order and within an image in score order, as COCO lists them before its merged sort) and, per
 * IoU threshold, the kind of each detection (true positive, ignored, or which error), the class-error
 * corrections and the missed ground truths. See {@link ErrorBreakdown} for the rules.
 */
final class ErrorTally {

    static final byte TRUE_POSITIVE = 0;
    static final byte IGNORED = 1;
    /** A class error that, fixed, becomes a true positive of its ground truth's class. */
    static final byte CLS_FIX = 2;
    /** A class error whose ground truth is taken or goes to a higher-scored error: fixed, it is dropped. */
    static final byte CLS_DROP = 3;
    static final byte LOC_FIX = 4;
    static final byte LOC_DROP = 5;
    static final byte BOTH = 6;
    static final byte DUPE = 7;
    static final byte BKG = 8;

    final int classes;
    final double[] thresholds;
    final double background;
    /** Per class: scores of its entries and how many there are. */
    double[][] score;
    final int[] size;
    /** {@code [threshold][class][entry]}. */
    final byte[][][] kind;
    /** Per threshold: (class, entry, target class) triples of class errors that a fix turns into hits. */
    final int[][] moves;
    final int[] moveCount;
    /** {@code [threshold][class]}: ground truths missed. */
    final int[][] missed;
    /** Per class: ground truths that count. */
    final int[] positives;

    // per-image scratch
    private int[] target = new int[16];
    private byte[] type = new byte[16];
    private int[] winner = new int[16];
    private boolean[] hit = new boolean[16];
    /** Per class: its entries before the image being added (set for the classes present in it). */
    private final int[] base;

    /**
     * An empty tally.
     *
     * @param thresholds the foreground IoU thresholds to classify at, one run each
     * @param background the background IoU threshold
     */
    ErrorTally(int classes, double[] thresholds, double background) {
        this(classes, thresholds, background, 16);
    }

    /**
     * An empty tally whose classes start with room for {@code perClass} entries each (they grow beyond it).
     */
    private ErrorTally(int classes, double[] thresholds, double background, int perClass) {
        this.classes = classes;
        this.thresholds = thresholds.clone();
        this.background = background;
        this.score = new double[classes][perClass];
        this.size = new int[classes];
        this.kind = new byte[thresholds.length][classes][perClass];
        this.moves = new int[thresholds.length][48];
        this.moveCount = new int[thresholds.length];
        this.missed = new int[thresholds.length][classes];
        this.positives = new int[classes];
        this.base = new int[classes];
    }

    /**
     * Tallies the images of {@code m} in {@code chunks} consecutive runs on the common fork-join pool (each
     * with its own copy of the matcher) and joins them in image order: the same result as adding every
     * image in turn.
     */
    static ErrorTally of(ImageMatcher m, double[] thresholds, double background, int chunks) {
        return of(m, thresholds, background, chunks, null);
    }

    /**
     * As {@link #of(ImageMatcher, double[], double, int)}, and shows each loaded image to the visitor
     * {@code visitors} makes for its run (given the run's number, {@code 0 .. chunks - 1} at most), so that
     * another analysis reads the same similarities instead of computing them again.
     *
     * @param visitors null for none
     */
    static ErrorTally of(ImageMatcher m, double[] thresholds, double background, int chunks,
            IntFunction<ImageMatcher.Visitor> visitors) {
        int images = m.imageCount();
        int parts = Math.max(1, Math.min(chunks, images));
        ErrorTally[] tallies = new ErrorTally[parts];
        // room for an even share of a run's detections per class: no growth when the classes are alike
        int share = Math.max(16, m.detectionCount() / parts / m.classCount());
        java.util.stream.IntStream.range(0, parts).parallel().forEach(part -> {
            ImageMatcher own = part == 0 ? m : m.copy();
            ErrorTally t = new ErrorTally(m.classCount(), thresholds, background, share);
            ImageMatcher.Visitor visitor = visitors == null ? null : visitors.apply(part);
            for (int i = (int) ((long) images * part / parts); i < (long) images * (part + 1) / parts; i++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("the pass over the images was cancelled (thread interrupted)");
                }
                own.load(i);
                if (visitor != null) {
                    visitor.visit(own);
                }
                t.add(own);
            }
            tallies[part] = t;
        });
        ErrorTally all = tallies[0];
        for (int part = 1; part < parts; part++) {
            all.append(tallies[part]);
        }
        return all;
    }

    /** Appends the entries, moves and counts of {@code next}, whose images follow this tally's. */
    private void append(ErrorTally next) {
        for (int t = 0; t < thresholds.length; t++) {
            for (int i = 0; i < next.moveCount[t]; i++) {
                int from = next.moves[t][3 * i];
                addMove(t, from, size[from] + next.moves[t][3 * i + 1], next.moves[t][3 * i + 2]);
            }
            for (int c = 0; c < classes; c++) {
                missed[t][c] += next.missed[t][c];
            }
        }
        for (int c = 0; c < classes; c++) {
            positives[c] += next.positives[c];
            int n = next.size[c];
            ensure(c, size[c] + n);
            System.arraycopy(next.score[c], 0, score[c], size[c], n);
            for (int t = 0; t < thresholds.length; t++) {
                System.arraycopy(next.kind[t][c], 0, kind[t][c], size[c], n);
            }
            size[c] += n;
        }
    }

    /** Adds the loaded image of {@code m}, matching it at every threshold. */
    void add(ImageMatcher m) {
        int n = m.dtCount;
        if (target.length < n) {
            target = new int[Math.max(n, target.length * 2)];
            type = new byte[target.length];
        }
        if (winner.length < m.gtCount) {
            winner = new int[Math.max(m.gtCount, winner.length * 2)];
            hit = new boolean[winner.length];
        }
        for (int g = 0; g < m.gtCount; g++) {
            positives[m.gtClass[g]] += m.gtIgnored[g] ? 0 : 1;
        }
        // the detections run by class: only the classes present in the image
        int[] base = this.base;
        for (int d = 0; d < n; d = m.classStart(m.dtClass[d] + 1)) {
            int c = m.dtClass[d];
            base[c] = size[c];
            int count = m.classStart(c + 1) - d;
            ensure(c, size[c] + count);
            System.arraycopy(m.dtScore, d, score[c], size[c], count);
            size[c] += count;
        }
        for (int t = 0; t < thresholds.length; t++) {
            m.match(thresholds[t]);
            classify(m, thresholds[t]);
            record(m, t, base);
        }
    }

    private void ensure(int c, int n) {
        if (score[c].length < n) {
            int cap = Math.max(n, score[c].length * 2);
            score[c] = Arrays.copyOf(score[c], cap);
            for (byte[][] perThreshold : kind) {
                perThreshold[c] = Arrays.copyOf(perThreshold[c], cap);
            }
        }
    }

    /** Sets {@link #type} and {@link #target} of every detection of the matched image. */
    private void classify(ImageMatcher m, double fg) {
        int g = m.gtCount;
        Arrays.fill(winner, 0, g, -1);
        Arrays.fill(hit, 0, g, false);
        for (int d = 0; d < m.dtCount; d++) {
            target[d] = -1;
            if (m.state[d] == ImageMatcher.TP) {
                type[d] = TRUE_POSITIVE;
                hit[m.matched[d]] = true;
            } else if (m.state[d] == ImageMatcher.IGNORED) {
                type[d] = IGNORED;
            } else {
                type[d] = falsePositive(m, d, fg);
                if (target[d] >= 0 && !m.taken[target[d]]) {
                    int w = winner[target[d]];
                    if (w < 0 || m.dtScore[d] > m.dtScore[w]
                            || (m.dtScore[d] == m.dtScore[w] && m.dtRows[d] < m.dtRows[w])) {
                        winner[target[d]] = d;
                    }
                }
            }
        }
    }

    /**
     * The error of false positive {@code d}, tested in TIDE's order: localisation, class, duplicate,
     * background, and "both" for the rest. Sets {@code target[d]} for class and localisation errors.
     */
    private byte falsePositive(ImageMatcher m, int d, double fg) {
        int c = m.dtClass[d];
        int row = d * m.gtCount;
        int sameArg = -1;
        double same = 0;
        int otherArg = -1;
        double other = 0;
        double used = 0;
        for (int g = 0; g < m.gtCount; g++) {
            if (m.gtIgnored[g]) {
                continue;
            }
            double v = m.iou[row + g];
            if (m.gtClass[g] == c) {
                if (sameArg < 0 || v > same) {
                    same = v;
                    sameArg = g;
                }
                if (m.taken[g]) {
                    used = v > used ? v : v <= used ? used : v + used; // Math.max, NaN included, without C1's call
                }
            } else if (otherArg < 0 || v > other) {
                other = v;
                otherArg = g;
            }
        }
        if (sameArg >= 0 && same >= background && same < fg) {
            target[d] = sameArg;
            return LOC_DROP;
        }
        if (otherArg >= 0 && other >= fg) {
            target[d] = otherArg;
            return CLS_DROP;
        }
        if (used >= fg) {
            return DUPE;
        }
        if (same < background && other < background) {
            return BKG;
        }
        return BOTH;
    }

    private void record(ImageMatcher m, int t, int[] base) {
        for (int d = 0; d < m.dtCount; d++) {
            byte k = type[d];
            int tg = target[d];
            if (tg >= 0 && !m.taken[tg] && winner[tg] == d) {
                k = (byte) (k - 1); // the _DROP kind's _FIX twin
                if (k == CLS_FIX) {
                    addMove(t, m.dtClass[d], base[m.dtClass[d]] + d - m.classStart(m.dtClass[d]), m.gtClass[tg]);
                }
            }
            int c = m.dtClass[d];
            kind[t][c][base[c] + d - m.classStart(c)] = k;
        }
        for (int g = 0; g < m.gtCount; g++) {
            if (!m.gtIgnored[g] && !hit[g] && (m.taken[g] || winner[g] < 0)) {
                missed[t][m.gtClass[g]]++;
            }
        }
    }

    private void addMove(int t, int fromClass, int entry, int toClass) {
        int at = moveCount[t] * 3;
        if (moves[t].length < at + 3) {
            moves[t] = Arrays.copyOf(moves[t], moves[t].length * 2);
        }
        moves[t][at] = fromClass;
        moves[t][at + 1] = entry;
        moves[t][at + 2] = toClass;
        moveCount[t]++;
    }
}
