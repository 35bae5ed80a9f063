package dev.deteval.runtime;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Records a scheduled value as each training batch is reported, before a schedule listener added after
 * it moves the schedule on.
 */
public final class PerBatchRecorder extends TrainingListenerAdapter {

    private final Supplier<Float> value;
    private final List<Float> perBatch = new ArrayList<>();

    public PerBatchRecorder(Supplier<Float> value) {
        this.value = value;
    }

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        perBatch.add(value.get());
    }

    /** The values seen, one per training batch. */
    public List<Float> perBatch() {
        return perBatch;
    }
}
