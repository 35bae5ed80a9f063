package dev.deteval.runtime.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.optimizer.Optimizer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Decoupled weight decay on a Linear → BatchNorm network. Each parameter gets one Adam update with a zero
 * gradient: Adam's step is then m̂/(√v̂ + ε) = 0/(0 + ε) = 0, so the only change is the decay
 * θ ← θ − ηλθ, here with η = 0.1 and λ = 0.5, a factor 1 − 0.05 = 0.95.
 */
final class DecayTargetsIT {

    private static final float ETA = 0.1f;
    private static final float LAMBDA = 0.5f;

    private static Block network() {
        Block block = new SequentialBlock()
                .add(Linear.builder().setUnits(3).build())
                .add(BatchNorm.builder().build());
        // non-zero starting values everywhere, so that a decay would show on every parameter
        block.setInitializer(new ConstantInitializer(0.4f), Parameter.Type.WEIGHT);
        block.setInitializer(new ConstantInitializer(0.2f), Parameter.Type.BIAS);
        block.setInitializer(new ConstantInitializer(-0.3f), Parameter.Type.BETA);
        return block;
    }

    /** Parameter name (e.g. "01BatchNorm_gamma") → values after one zero-gradient update. */
    private static Map<String, float[]> afterOneStep(Block block, Optimizer optimizer) {
        Map<String, float[]> out = new HashMap<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, new Shape(2, 4));
            for (var entry : block.getParameters()) {
                Parameter parameter = entry.getValue();
                if (!parameter.requiresGradient()) {
                    continue; // running statistics: never handed to an optimizer
                }
                NDArray w = parameter.getArray();
                optimizer.update(parameter.getId(), w, w.zerosLike());
                out.put(entry.getKey(), w.toFloatArray());
            }
        }
        return out;
    }

    private static float valueOf(Map<String, float[]> values, String suffix) {
        return values.entrySet().stream().filter(e -> e.getKey().endsWith(suffix)).findFirst().orElseThrow()
                .getValue()[0];
    }

    @Test
    void weightsOf_linearThenBatchNorm_acceptsOnlyTheLinearWeight() {
        Block block = network();
        Predicate<String> decayed = DecayTargets.weightsOf(block);

        for (Parameter p : block.getParameters().values()) {
            assertThat(decayed.test(p.getId())).as(p.getName()).isEqualTo(p.getType() == Parameter.Type.WEIGHT);
        }
        assertThat(block.getParameters().values().stream().filter(p -> decayed.test(p.getId()))).hasSize(1);
    }

    @Test
    void update_decayOnEveryParameter_shrinksBiasGammaAndBetaToo() {
        Block block = network();
        Map<String, float[]> after = afterOneStep(block,
                Adam.builder(ETA).optDecoupledWeightDecay(LAMBDA).build());

        // 1e-7: one float32 multiply-subtract on values below 1 (ulp ≤ 6e-8)
        assertThat(valueOf(after, "weight")).isCloseTo(0.4f * 0.95f, within(1e-7f));
        assertThat(valueOf(after, "bias")).isCloseTo(0.2f * 0.95f, within(1e-7f));
        assertThat(valueOf(after, "gamma")).isCloseTo(1f * 0.95f, within(1e-7f));
        assertThat(valueOf(after, "beta")).isCloseTo(-0.3f * 0.95f, within(1e-7f));
    }

    @Test
    void update_decayOnWeightsOnly_leavesBiasGammaAndBetaUnchanged() {
        Block block = network();
        Map<String, float[]> after = afterOneStep(block,
                Adam.builder(ETA).optDecoupledWeightDecay(LAMBDA, DecayTargets.weightsOf(block)).build());

        // 1e-7 as above; the untouched ones are subtracted a zero step, which is exact
        assertThat(valueOf(after, "weight")).isCloseTo(0.4f * 0.95f, within(1e-7f));
        assertThat(valueOf(after, "bias")).isEqualTo(0.2f);
        assertThat(valueOf(after, "gamma")).isEqualTo(1f);
        assertThat(valueOf(after, "beta")).isEqualTo(-0.3f);
    }

    @Test
    void update_sgdWithWeightsOnly_leavesBiasUnchanged() {
        Block block = network();
        Map<String, float[]> after = afterOneStep(block,
                Sgd.builder(ETA).optDecoupledWeightDecay(LAMBDA, DecayTargets.weightsOf(block)).build());

        assertThat(valueOf(after, "weight")).isCloseTo(0.4f * 0.95f, within(1e-7f));
        assertThat(valueOf(after, "bias")).isEqualTo(0.2f);
    }
}
