package dev.deteval.samples.learning;

import java.util.Arrays;

/** Statistics of 1-D samples: the 1-Wasserstein distance between two samples, shares near modes, histograms. */
final class MixtureStatistics {

    private MixtureStatistics() {
    }

    /**
     * The 1-Wasserstein (earth mover's) distance between two samples of equal size n: the mean of
     * |a₍ᵢ₎ − b₍ᵢ₎| over the sorted values, i.e. how far, on average, each sample of one set must move
     * to turn it into the other; in the samples' units.
     */
    static double wasserstein1(float[] a, float[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("needs two non-empty samples of equal size, got " + a.length + " and "
                    + b.length);
        }
        float[] x = a.clone();
        float[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs((double) x[i] - y[i]);
        }
        return sum / x.length;
    }

    /** For each centre, the share of {@code samples} within {@code radius} of it (inclusive). */
    static double[] sharesNear(float[] samples, float[] centres, float radius) {
        double[] shares = new double[centres.length];
        for (float s : samples) {
            for (int c = 0; c < centres.length; c++) {
                if (Math.abs(s - centres[c]) <= radius) {
                    shares[c] += 1.0 / samples.length;
                }
            }
        }
        return shares;
    }

    /**
     * A histogram as a density: {@code bins} equal bins over [lo, hi], each value count/(n·width);
     * returns the step outline as (x, y) points, samples outside the range left out.
     */
    static double[][] densityOutline(float[] samples, double lo, double hi, int bins) {
        double width = (hi - lo) / bins;
        double[] counts = new double[bins];
        for (float s : samples) {
            int b = (int) Math.floor((s - lo) / width);
            if (s == hi) {
                b = bins - 1;
            }
            if (b >= 0 && b < bins) {
                counts[b]++;
            }
        }
        double[][] points = new double[2 * bins + 2][];
        points[0] = new double[] {lo, 0};
        for (int b = 0; b < bins; b++) {
            double density = counts[b] / (samples.length * width);
            points[1 + 2 * b] = new double[] {lo + b * width, density};
            points[2 + 2 * b] = new double[] {lo + (b + 1) * width, density};
        }
        points[2 * bins + 1] = new double[] {hi, 0};
        return points;
    }
}
