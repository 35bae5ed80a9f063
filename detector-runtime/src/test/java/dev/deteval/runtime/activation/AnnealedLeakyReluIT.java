package dev.deteval.runtime.activation;

import static dev.deteval.runtime.Tolerances.FEW_FLOAT32_OPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.deteval.runtime.PerBatchRecorder;
import dev.deteval.runtime.schedule.Schedule;
import dev.deteval.runtime.schedule.ScheduleListener;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class AnnealedLeakyReluIT {

    @Test
    void advance_cosineSchedule_forwardUsesTheNewSlope() {
        AnnealedLeakyRelu activation = new AnnealedLeakyRelu(Schedule.cosine(0.3f, 0f, 4));
        assertThat(activation.slope()).isEqualTo(0.3f);
        activation.advance(0, 2);
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] y = activation.forward(manager.create(new float[] {-2f, 1f})).toFloatArray();
            double slope = 0.3 * (1 + Math.cos(Math.PI * 2 / 4)) / 2;
            assertThat((double) y[0]).isCloseTo(-2 * slope, within(FEW_FLOAT32_OPS));
            assertThat(y[1]).isEqualTo(1f);
        }
    }

    @Test
    void fit_twoEpochsOfThreeBatches_slopeFollowsCosineScheduleByStep() throws Exception {
        Engine.getInstance().setRandomSeed(11);
        Schedule schedule = Schedule.cosine(0.3f, 0f, 4);
        AnnealedLeakyRelu activation = new AnnealedLeakyRelu(schedule);
        PerBatchRecorder recorder = new PerBatchRecorder(activation::slope);
        Random random = new Random(5);
        float[] features = new float[6 * 2];
        float[] labels = new float[6];
        for (int i = 0; i < 6; i++) {
            features[2 * i] = (float) random.nextGaussian();
            features[2 * i + 1] = (float) random.nextGaussian();
            labels[i] = features[2 * i] - features[2 * i + 1];
        }
        // Trainer.step() rejects a first step whose gradients sum to exactly 0; with these seeds they sum to
        // −7.47 (absolute sum 43), identical under every kernel, so rounding cannot bring the sum to 0
        try (NDManager manager = NDManager.newBaseManager(); Model model = Model.newInstance("annealed")) {
            model.setBlock(new SequentialBlock().add(Linear.builder().setUnits(4).build()).add(activation)
                    .add(Linear.builder().setUnits(1).build()));
            ArrayDataset data = new ArrayDataset.Builder()
                    .setData(manager.create(features, new Shape(6, 2)))
                    .optLabels(manager.create(labels, new Shape(6, 1)))
                    .setSampling(2, false)
                    .build();
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.05f)).build())
                    .addTrainingListeners(recorder, new ScheduleListener(activation));
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(2, 2));
                EasyTrain.fit(trainer, 2, data, null);
            }
        }
        assertThat(recorder.perBatch()).hasSize(6);
        for (int step = 0; step < 6; step++) {
            double expected = 0.3 * (1 + Math.cos(Math.PI * Math.min(step / 4.0, 1))) / 2;
            assertThat((double) recorder.perBatch().get(step)).as("step %d", step).isCloseTo(expected, within(FEW_FLOAT32_OPS));
            assertThat(recorder.perBatch().get(step)).isEqualTo(schedule.valueAt(step / 3, step));
        }
    }
}
