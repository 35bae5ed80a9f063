package dev.deteval.runtime.optim;

import static dev.deteval.runtime.Tolerances.OPTIMIZER_TRAJECTORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

/** The optimizers driven by DJL's own {@code Trainer.step()} (parameter server, gradient copies). */
final class TrainerStepIT {

    private static final int STEPS = 20;

    @Test
    void step_sgdWithMomentum_matchesDjlSgdThroughTheTrainer() {
        float[] ours = train(Sgd.builder(0.05f).optMomentum(0.9f).build());
        float[] djl = train(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.05f)).optMomentum(0.9f).build());

        assertThat(ours).containsExactly(djl, within((float) OPTIMIZER_TRAJECTORY));
    }

    @Test
    void step_adamW_matchesDjlAdamWThroughTheTrainer() {
        float[] ours = train(Adam.builder(0.05f).optEpsilon(0f).optDecoupledWeightDecay(0.1f).build());
        float[] djl = train(Optimizer.adamW()
                .optLearningRateTracker(Tracker.fixed(0.05f))
                .optEpsilon(0f)
                .optWeightDecays(0.1f)
                .build());

        assertThat(ours).containsExactly(djl, within((float) OPTIMIZER_TRAJECTORY));
    }

    /**
     * Trains Linear(3 → 1) with L2 loss on four fixed rows; returns the weights and bias after 20 steps.
     *
     * <p>{@code Trainer.step()} refuses a first step whose gradients sum to exactly 0. Here the four
     * gradients all have the same sign and sum to −6.87 (the same under every kernel), so rounding cannot
     * bring that sum to 0.
     */
    private static float[] train(Optimizer optimizer) {
        Engine.getInstance().setRandomSeed(5);
        try (Model model = Model.newInstance("linear")) {
            model.setBlock(Linear.builder().setUnits(1).build());
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(optimizer))) {
                trainer.initialize(new Shape(4, 3));
                NDManager manager = trainer.getManager();
                NDArray x = manager.create(new float[] {1, 2, 0, 0, 1, -1, 3, 0, 1, -2, 1, 1}, new Shape(4, 3));
                NDArray y = manager.create(new float[] {1, -1, 2, 0.5f}, new Shape(4, 1));
                for (int step = 0; step < STEPS; step++) {
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray prediction = trainer.forward(new NDList(x)).singletonOrThrow();
                        collector.backward(trainer.getLoss().evaluate(new NDList(y), new NDList(prediction)));
                    }
                    trainer.step();
                }
                float[] weight = model.getBlock().getParameters().get("weight").getArray().toFloatArray();
                float bias = model.getBlock().getParameters().get("bias").getArray().getFloat();
                return new float[] {weight[0], weight[1], weight[2], bias};
            }
        }
    }
}
