package dev.deteval.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

    @Test
    void run_parallelOrNot_everyTaskExactlyOnce() {
        for (boolean parallel : new boolean[] {false, true}) {
            for (int n : new int[] {0, 1, 2, 57}) {
                ConcurrentLinkedQueue<Integer> seen = new ConcurrentLinkedQueue<>();
                WorkQueue.run(n, parallel, seen::add);
                List<Integer> tasks = new ArrayList<>(seen);
                Collections.sort(tasks);
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    expected.add(i);
                }
                assertThat(tasks).as("parallel %s, n %d", parallel, n).isEqualTo(expected);
            }
        }
    }

    @Test
    void run_sequential_tasksInOrderOnTheCallingThread() {
        List<Integer> seen = new ArrayList<>();
        Thread caller = Thread.currentThread();
        WorkQueue.run(5, false, i -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            seen.add(i);
        });
        assertThat(seen).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void run_taskThrowsOnAWorker_sameExceptionObjectNotWrapped() {
        IllegalStateException thrown = new IllegalStateException("a worker's task");
        CountDownLatch workerStarted = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        // the caller's first task waits until a worker has started one; the worker's task throws
        assertThatThrownBy(() -> WorkQueue.run(50, true, i -> {
            if (Thread.currentThread() == caller) {
                try {
                    workerStarted.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            workerStarted.countDown();
            throw thrown;
        })).isSameAs(thrown);
    }
}
