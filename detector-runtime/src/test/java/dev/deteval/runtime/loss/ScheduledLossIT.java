package dev.deteval.runtime.loss;

import static dev.deteval.runtime.Tolerances.FLOAT32_OP_CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.deteval.runtime.PerBatchRecorder;
import dev.deteval.runtime.schedule.Schedule;
import dev.deteval.runtime.schedule.ScheduleListener;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class ScheduledLossIT {

    private static final float[] T = {1f, 0f, 1f, 0f};
    private static final float[] X = {2f, -1f, -0.5f, 3f};

    @Test
    void evaluate_afterAdvance_usesTheScheduledFocalGamma() {
        ScheduledLoss loss = new ScheduledLoss("AnnealedFocal", Schedule.linear(2f, 0f, 4), g -> FocalLoss.of(g, 0.25f));
        loss.advance(1, 10);
        assertThat((double) loss.value()).isCloseTo(2 + (0 - 2) * 1.0 / 4, within(FLOAT32_OP_CHAIN));
        LossProbe.Result scheduled = LossProbe.run(loss, T, X, 4);
        LossProbe.Result fixed = LossProbe.run(FocalLoss.of(1.5f, 0.25f), T, X, 4);
        // exact: γ = 1.5 either way, so both run the same float32 ops on the same inputs in one process
        assertThat(scheduled.value()).isEqualTo(fixed.value());
        assertThat(scheduled.gradient()).containsExactly(fixed.gradient());
    }

    @Test
    void fit_threeEpochsOfTwoBatches_gammaFollowsLinearScheduleByEpoch() throws Exception {
        Engine.getInstance().setRandomSeed(7);
        Schedule schedule = Schedule.linear(2f, 0f, 2);
        ScheduledLoss loss = new ScheduledLoss("AnnealedFocal", schedule, g -> FocalLoss.of(g, 0.25f));
        PerBatchRecorder recorder = new PerBatchRecorder(loss::value);
        Random random = new Random(42);
        float[] features = new float[8 * 3];
        float[] labels = new float[8];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 3; j++) {
                features[3 * i + j] = (float) random.nextGaussian();
            }
            labels[i] = features[3 * i] > 0 ? 1f : 0f;
        }
        // Trainer.step() rejects a first step whose gradients sum to exactly 0; with these seeds they sum to
        // −8.2e-4 (absolute sum 0.43, identical under every kernel), about 10⁴ times the float32 rounding of
        // that sum, so rounding cannot bring it to 0
        try (NDManager manager = NDManager.newBaseManager(); Model model = Model.newInstance("focal")) {
            model.setBlock(Linear.builder().setUnits(1).build());
            ArrayDataset data = new ArrayDataset.Builder()
                    .setData(manager.create(features, new Shape(8, 3)))
                    .optLabels(manager.create(labels, new Shape(8, 1)))
                    .setSampling(4, false)
                    .build();
            DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).build())
                    .addTrainingListeners(recorder, new ScheduleListener(loss));
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(4, 3));
                EasyTrain.fit(trainer, 3, data, null);
            }
        }
        // two batches per epoch; γ = 2 + (0 - 2) · min(epoch / 2, 1)
        assertThat(recorder.perBatch()).containsExactly(2f, 2f, 1f, 1f, 0f, 0f);
        for (int batch = 0; batch < 6; batch++) {
            assertThat(recorder.perBatch().get(batch)).isEqualTo(schedule.valueAt(batch / 2, batch));
        }
    }
}
