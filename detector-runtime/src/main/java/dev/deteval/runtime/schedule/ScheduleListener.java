package dev.deteval.runtime.schedule;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.util.List;

/**
 * A DJL training listener that keeps {@link Scheduled} components in step with training.
 *
 * <p>It counts completed epochs and completed training batches and calls
 * {@link Scheduled#advance(int, long)} on every component: with (0, 0) when training begins, after each
 * training batch, and at each epoch end. Because DJL reports a batch after its forward and backward
 * pass, the batch with global index {@code s} (0-based) in epoch {@code e} runs with the value at
 * {@code (e, s)}. Register it before any listener that should see the advanced values.
 */
public final class ScheduleListener extends TrainingListenerAdapter {

    private final List<Scheduled> components;
    private int epoch;
    private long step;

    /** A listener advancing the given components. */
    public ScheduleListener(Scheduled... components) {
        this.components = List.of(components);
    }

    @Override
    public void onTrainingBegin(Trainer trainer) {
        epoch = 0;
        step = 0;
        advanceAll();
    }

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        step++;
        advanceAll();
    }

    @Override
    public void onEpoch(Trainer trainer) {
        epoch++;
        advanceAll();
    }

    private void advanceAll() {
        for (Scheduled component : components) {
            component.advance(epoch, step);
        }
    }
}
