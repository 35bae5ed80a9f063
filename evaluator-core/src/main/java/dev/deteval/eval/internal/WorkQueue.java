package dev.deteval.eval.internal;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs tasks {@code 0 .. n - 1} on the calling thread and the common fork-join pool's workers, each thread
 * taking the next task in that order when it finishes one. Unlike a parallel stream, which splits the range into
 * runs up front, no thread can be left with several large tasks while another has none: put the large tasks
 * first and the last one to finish is a small one.
 *
 * <p>Not API: the package {@code dev.deteval.eval.internal} may change without notice.
 */
public final class WorkQueue {

    private WorkQueue() {
    }

    /**
     * Runs {@code task} for {@code 0 .. n - 1}, started in that order, on several threads when {@code parallel};
     * returns when all have run. The first exception a task throws, on whichever thread, stops the others from
     * starting new tasks and is rethrown as it was thrown (not wrapped) once no thread runs a task any more.
     */
    public static void run(int n, boolean parallel, IntConsumer task) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Runnable drain = () -> {
            try {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    task.accept(i);
                }
            } catch (RuntimeException | Error e) {
                next.set(n); // the other threads stop after their current task
                failed.compareAndSet(null, e);
            }
        };
        int helpers = parallel ? Math.min(ForkJoinPool.getCommonPoolParallelism(), n - 1) : 0;
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[Math.max(0, helpers)];
        for (int h = 0; h < tasks.length; h++) {
            tasks[h] = ForkJoinPool.commonPool().submit(drain);
        }
        drain.run();
        for (ForkJoinTask<?> t : tasks) {
            t.quietlyJoin();
        }
        Throwable e = failed.get();
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error r) {
            throw r;
        }
    }
}
