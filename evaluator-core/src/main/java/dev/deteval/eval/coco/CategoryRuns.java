package dev.deteval.eval.coco;

import dev.deteval.eval.internal.RadixSort;
import dev.deteval.eval.internal.WorkQueue;
import java.util.function.IntConsumer;

/**
 * Runs one task per category row of a {@link GroupIndex}, the costliest first, on the calling thread and the
 * common fork-join pool's workers, each taking the next row as it finishes the last ({@link WorkQueue}). A
 * parallel stream splits the rows into runs up front, so one thread could end with several large categories
 * while the other had nothing left; taken one at a time, largest first, the last row to finish is a small one.
 *
 * <p>The cost of a row is estimated from the index: per image, detections (at most maxDets) times ground
 * truths, plus both counts. Only the order of the work depends on it, never a result: each row is computed by
 * one thread, as before.
 */
final class CategoryRuns {

    private CategoryRuns() {
    }

    /**
     * Runs {@code task} for every row {@code 0 .. index.groupCategories - 1}, in parallel when asked; returns
     * when all have run. An exception a task throws is rethrown once every thread has stopped taking rows.
     *
     * @param maxDet the detections per image a row keeps at most
     */
    static void run(GroupIndex index, int maxDet, boolean parallel, IntConsumer task) {
        int[] order = costliestFirst(index, maxDet);
        WorkQueue.run(order.length, parallel, i -> task.accept(order[i]));
    }

    /** The rows by descending estimated cost, ties by row. */
    static int[] costliestFirst(GroupIndex index, int maxDet) {
        int rows = index.groupCategories;
        int images = index.imageCount();
        double[] cost = new double[rows];
        int[] order = new int[rows];
        for (int k = 0; k < rows; k++) {
            long c = 0;
            for (int i = 0; i < images; i++) {
                int g = k * images + i;
                long d = Math.min(maxDet, index.dtStart[g + 1] - index.dtStart[g]);
                long t = index.gtStart[g + 1] - index.gtStart[g];
                c += d * t + d + t;
            }
            cost[k] = c;
            order[k] = k;
        }
        RadixSort.descending(order, 0, rows, cost);
        return order;
    }
}
