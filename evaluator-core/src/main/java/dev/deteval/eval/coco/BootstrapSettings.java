package dev.deteval.eval.coco;

/**
 * How a bootstrap runs: the confidence level of its intervals, the number of resamples and the seed of
 * the random draws. The same settings on the same data give the same intervals, whatever the number of
 * threads.
 *
 * @param level the confidence level, strictly between 0 and 1 (0.95 for a 95% interval)
 * @param resamples the number of resamples, 1 to {@value #MAX_RESAMPLES}
 * @param seed the seed of the draws
 */
public record BootstrapSettings(double level, int resamples, long seed) {

    /** The default confidence level. */
    public static final double DEFAULT_LEVEL = 0.95;

    /** The default number of resamples. */
    public static final int DEFAULT_RESAMPLES = 1000;

    /** The default seed. */
    public static final long DEFAULT_SEED = 1;

    /** The most resamples accepted. */
    public static final int MAX_RESAMPLES = 1_000_000;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException for a level outside (0, 1) or a resample count outside
     *     [1, {@value #MAX_RESAMPLES}]
     */
    public BootstrapSettings {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must lie strictly between 0 and 1 (e.g. 0.95),"
                    + " not " + level);
        }
        if (resamples < 1 || resamples > MAX_RESAMPLES) {
            throw new IllegalArgumentException("the number of resamples must lie in [1, " + MAX_RESAMPLES + "], not "
                    + resamples);
        }
    }

    /** Level 0.95, 1,000 resamples, seed 1. */
    public static BootstrapSettings defaults() {
        return new BootstrapSettings(DEFAULT_LEVEL, DEFAULT_RESAMPLES, DEFAULT_SEED);
    }

    /** The level as a percentage for messages: {@code 95%}, {@code 99.9%}. */
    public String percent() {
        return Interval.percent(level);
    }
}
