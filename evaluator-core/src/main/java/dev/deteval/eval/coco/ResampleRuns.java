package dev.deteval.eval.coco;

import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Runs the resamples of a bootstrap, in parallel on the common fork-join pool (or the pool the caller
 * runs in). Resample {@code r} draws its images from its own generator, seeded with the settings' seed
 * and {@code r}, so every resample is the same whatever the number of threads and whichever thread runs
 * it.
 */
final class ResampleRuns {

    /**
     * Tasks per thread of the common pool: each task runs a contiguous range of resamples one after another,
     * sharing its scratch space (a few megabytes for the largest categories), so few tasks mean little
     * garbage; a handful per thread still balances the load. Which task runs which resample does not
     * change any result.
     */
    private static final int TASKS_PER_THREAD = 4;

    /** One thread's work: the values of interest for one set of image weights. */
    interface Task {
        double[] apply(int[] weights);
    }

    private ResampleRuns() {
    }

    /**
     * The values of each resample, {@code [resample][value]}.
     *
     * @param images the number of images drawn from (with replacement, {@code images} draws)
     * @param tasks makes one task per chunk of resamples
     */
    static double[][] run(BootstrapSettings s, int images, Supplier<Task> tasks) {
        int resamples = s.resamples();
        double[][] out = new double[resamples][];
        int chunks = Math.min(resamples, TASKS_PER_THREAD * (ForkJoinPool.getCommonPoolParallelism() + 1));
        IntStream.range(0, chunks).parallel().forEach(c -> {
            Task task = tasks.get();
            int[] weights = new int[images];
            int from = (int) ((long) resamples * c / chunks);
            int to = (int) ((long) resamples * (c + 1) / chunks);
            for (int r = from; r < to; r++) {
                draw(s.seed(), r, weights);
                out[r] = task.apply(weights);
            }
        });
        return out;
    }

    /**
     * Fills {@code weights} with how often each image is drawn in resample {@code r}: {@code weights.length}
     * uniform draws with replacement from a Mersenne Twister seeded with ({@code seed}, {@code r}).
     */
    static void draw(long seed, int r, int[] weights) {
        MersenneTwister random = new MersenneTwister(new int[] {(int) (seed >>> 32), (int) seed, r});
        java.util.Arrays.fill(weights, 0);
        int n = weights.length;
        for (int j = 0; j < n; j++) {
            weights[random.nextInt(n)]++;
        }
    }
}
