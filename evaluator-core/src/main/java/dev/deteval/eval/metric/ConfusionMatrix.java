package dev.deteval.eval.metric;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable K×K confusion matrix of single-label classification: {@code count(t, p)} is the number of
 * samples whose true class is {@code t} (row) and whose predicted class is {@code p} (column). Classes are
 * the integers {@code 0 .. K-1}; for binary data class 1 is the positive class and class 0 the negative.
 *
 * <p>Per class c, one-vs-rest: {@code tp = count(c, c)}, {@code fp} = column sum minus tp, {@code fn} = row
 * sum minus tp, {@code tn} = total minus the other three ({@link #counts(int)}). Ratios follow
 * {@link BinaryCounts}: a ratio whose denominator is 0 is 0. Averaged metrics take an {@link Averaging}.
 * Equality is by value.
 */
public final class ConfusionMatrix {

    private final int classes;
    private final long[] cells;
    private final long[] rowSums;
    private final long[] columnSums;
    private final long total;
    private final long correct;

    private ConfusionMatrix(int classes, long[] cells) {
        this.classes = classes;
        this.cells = cells;
        this.rowSums = new long[classes];
        this.columnSums = new long[classes];
        long sum = 0;
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                long n = cells[t * classes + p];
                rowSums[t] += n;
                columnSums[p] += n;
                sum = Math.addExact(sum, n);
            }
        }
        this.total = sum;
        long diagonal = 0;
        for (int c = 0; c < classes; c++) {
            diagonal += cells[c * classes + c];
        }
        this.correct = diagonal;
    }

    /**
     * Counts paired class labels.
     *
     * @param truth the true class of each sample, in {@code [0, classes)}
     * @param predicted the predicted class of each sample, same length, in {@code [0, classes)}
     * @param classes K, at least 1
     * @throws IllegalArgumentException when the lengths differ, {@code classes < 1} or a label is out of
     *     range (the message names the array and index)
     */
    public static ConfusionMatrix of(int[] truth, int[] predicted, int classes) {
        Labels.requireSameLength(truth, predicted);
        Labels.requireClasses(classes);
        Labels.requireInRange("truth", truth, classes);
        Labels.requireInRange("predicted", predicted, classes);
        long[] cells = new long[Math.multiplyExact(classes, classes)];
        for (int i = 0; i < truth.length; i++) {
            cells[truth[i] * classes + predicted[i]]++;
        }
        return new ConfusionMatrix(classes, cells);
    }

    /**
     * The 2×2 matrix of paired binary labels: {@code false} is class 0 (negative), {@code true} class 1
     * (positive), so {@code counts(1)} equals {@link BinaryCounts#of(boolean[], boolean[])}.
     *
     * @throws IllegalArgumentException when the lengths differ
     */
    public static ConfusionMatrix ofBinary(boolean[] truth, boolean[] predicted) {
        BinaryCounts b = BinaryCounts.of(truth, predicted);
        return new ConfusionMatrix(2, new long[] {b.tn(), b.fp(), b.fn(), b.tp()});
    }

    /**
     * A matrix from its counts, {@code counts[t][p]} for true class t and predicted class p.
     *
     * @throws IllegalArgumentException when the array is empty or not square, a count is negative, or the
     *     counts do not sum to a {@code long}
     */
    public static ConfusionMatrix ofCounts(long[][] counts) {
        Objects.requireNonNull(counts, "counts");
        int k = counts.length;
        Labels.requireClasses(k);
        long[] cells = new long[Math.multiplyExact(k, k)];
        for (int t = 0; t < k; t++) {
            if (counts[t] == null || counts[t].length != k) {
                throw new IllegalArgumentException("counts must be a square " + k + "x" + k + " array, row " + t
                        + " has " + (counts[t] == null ? "no" : counts[t].length) + " entries");
            }
            for (int p = 0; p < k; p++) {
                if (counts[t][p] < 0) {
                    throw new IllegalArgumentException("counts must not be negative, got counts[" + t + "][" + p
                            + "] = " + counts[t][p]);
                }
                cells[t * k + p] = counts[t][p];
            }
        }
        try {
            return new ConfusionMatrix(k, cells);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("counts must sum to at most " + Long.MAX_VALUE, e);
        }
    }

    /** K, the number of classes. */
    public int classes() {
        return classes;
    }

    /** Samples of true class {@code truth} predicted as {@code predicted}. */
    public long count(int truth, int predicted) {
        return cells[checkClass(truth) * classes + checkClass(predicted)];
    }

    /** The counts as a new K×K array, rows = true class, columns = predicted class. */
    public long[][] toArray() {
        long[][] out = new long[classes][];
        for (int t = 0; t < classes; t++) {
            out[t] = Arrays.copyOfRange(cells, t * classes, (t + 1) * classes);
        }
        return out;
    }

    /** Number of samples. */
    public long total() {
        return total;
    }

    /** Correctly classified samples, the sum of the diagonal. */
    public long correct() {
        return correct;
    }

    /** Support of class {@code c}: samples whose true class is c (row sum). */
    public long support(int c) {
        return rowSums[checkClass(c)];
    }

    /** Samples predicted as class {@code c} (column sum). */
    public long predictedCount(int c) {
        return columnSums[checkClass(c)];
    }

    /** One-vs-rest counts of class {@code c}, which plays the positive class. */
    public BinaryCounts counts(int c) {
        long tp = cells[checkClass(c) * classes + c];
        long fp = columnSums[c] - tp;
        long fn = rowSums[c] - tp;
        return new BinaryCounts(tp, fp, fn, total - tp - fp - fn);
    }

    /** The sum of {@link #counts(int)} over all classes, the basis of {@link Averaging#MICRO}. */
    public BinaryCounts pooledCounts() {
        long wrong = total - correct;
        long tn = Math.multiplyExact(classes, total) - correct - 2 * wrong;
        return new BinaryCounts(correct, wrong, wrong, tn);
    }

    /** Accuracy {@code correct / total}; 0 when the matrix holds no samples. */
    public double accuracy() {
        return BinaryCounts.ratio(correct, total);
    }

    /** Precision averaged over the classes (see {@link BinaryCounts#precision()}). */
    public double precision(Averaging averaging) {
        return Averaging.require(averaging).average(this, BinaryCounts::precision);
    }

    /** Recall (sensitivity) averaged over the classes (see {@link BinaryCounts#recall()}). */
    public double recall(Averaging averaging) {
        return Averaging.require(averaging).average(this, BinaryCounts::recall);
    }

    /** Specificity averaged over the classes (see {@link BinaryCounts#specificity()}). */
    public double specificity(Averaging averaging) {
        return Averaging.require(averaging).average(this, BinaryCounts::specificity);
    }

    /**
     * F1 averaged over the classes. Macro and weighted F1 average the per-class F1 values; they are not the
     * F1 of the averaged precision and recall.
     */
    public double f1(Averaging averaging) {
        return Averaging.require(averaging).average(this, BinaryCounts::f1);
    }

    /**
     * F-beta averaged over the classes (see {@link BinaryCounts#fBeta(double)}).
     *
     * @throws IllegalArgumentException when {@code beta} is negative, NaN or infinite
     */
    public double fBeta(double beta, Averaging averaging) {
        BinaryCounts.requireBeta(beta);
        return Averaging.require(averaging).average(this, b -> b.fBeta(beta));
    }

    /**
     * The cell-wise sum of two matrices with the same number of classes.
     *
     * @throws IllegalArgumentException when the numbers of classes differ
     */
    public ConfusionMatrix plus(ConfusionMatrix other) {
        Objects.requireNonNull(other, "other");
        if (other.classes != classes) {
            throw new IllegalArgumentException("cannot add a " + other.classes + "-class matrix to a " + classes
                    + "-class matrix");
        }
        long[] sum = new long[cells.length];
        for (int i = 0; i < cells.length; i++) {
            sum[i] = Math.addExact(cells[i], other.cells[i]);
        }
        return new ConfusionMatrix(classes, sum);
    }

    private int checkClass(int c) {
        if (c < 0 || c >= classes) {
            throw new IndexOutOfBoundsException("class " + c + " is not in [0, " + classes + ")");
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && m.classes == classes && Arrays.equals(m.cells, cells);
    }

    @Override
    public int hashCode() {
        return 31 * classes + Arrays.hashCode(cells);
    }

    /** The rows, e.g. {@code ConfusionMatrix[[3, 1], [0, 3]]}. */
    @Override
    public String toString() {
        return "ConfusionMatrix" + Arrays.deepToString(toArray());
    }
}
