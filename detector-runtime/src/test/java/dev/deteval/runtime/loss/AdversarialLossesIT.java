package dev.deteval.runtime.loss;

import static dev.deteval.runtime.Tolerances.FLOAT32_OP_CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Test;

final class AdversarialLossesIT {

    private static final float[] REAL = {2f, -1f};
    private static final float[] FAKE = {0.5f, -3f, 1f};

    private static double softPlus(double x) {
        return Math.log1p(Math.exp(x));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Value and autograd gradients of the discriminator loss w.r.t. both logit arrays. */
    private record Probe(float value, float[] realGradient, float[] fakeGradient) {
    }

    private static Probe discriminator(float[] real, float[] fake) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray r = manager.create(real);
            NDArray f = manager.create(fake);
            r.setRequiresGradient(true);
            f.setRequiresGradient(true);
            float value;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray l = new DiscriminatorLoss().evaluate(new NDList(), new NDList(r, f));
                collector.backward(l);
                value = l.getFloat();
            }
            return new Probe(value, r.getGradient().toFloatArray(), f.getGradient().toFloatArray());
        }
    }

    @Test
    void discriminator_twoRealThreeFake_equalsMeanSoftPlusPerSide() {
        Probe p = discriminator(REAL, FAKE);

        double real = (softPlus(-2) + softPlus(1)) / 2;
        double fake = (softPlus(0.5) + softPlus(-3) + softPlus(1)) / 3;
        assertThat((double) p.value()).isCloseTo(real + fake, within(FLOAT32_OP_CHAIN));
        for (int i = 0; i < REAL.length; i++) {
            assertThat((double) p.realGradient()[i]).isCloseTo(-sigmoid(-REAL[i]) / 2, within(FLOAT32_OP_CHAIN));
        }
        for (int i = 0; i < FAKE.length; i++) {
            assertThat((double) p.fakeGradient()[i]).isCloseTo(sigmoid(FAKE[i]) / 3, within(FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void discriminator_comparedWithBinaryCrossEntropyOnOnesAndZeros_isTheSum() {
        Probe p = discriminator(REAL, FAKE);
        LossProbe.Result real = LossProbe.run(BinaryCrossEntropyLoss.fromLogits(), new float[] {1f, 1f}, REAL, 2);
        LossProbe.Result fake = LossProbe.run(Loss.sigmoidBinaryCrossEntropyLoss(), new float[] {0f, 0f, 0f}, FAKE, 3);

        assertThat((double) p.value()).isCloseTo(real.value() + fake.value(), within(FLOAT32_OP_CHAIN));
        assertThat(p.realGradient()).containsExactly(real.gradient(), within((float) FLOAT32_OP_CHAIN));
        assertThat(p.fakeGradient()).containsExactly(fake.gradient(), within((float) FLOAT32_OP_CHAIN));
    }

    @Test
    void discriminator_undecidedLogitsZero_equalsTwoLnTwo() {
        Probe p = discriminator(new float[] {0f, 0f}, new float[] {0f});

        // D = σ(0) = ½ everywhere: −ln ½ − ln(1 − ½)
        assertThat((double) p.value()).isCloseTo(2 * Math.log(2), within(FLOAT32_OP_CHAIN));
    }

    @Test
    void discriminator_extremeLogits_staysFinite() {
        Probe p = discriminator(new float[] {-200f}, new float[] {200f});

        // softPlus(200) = 200 + ln(1 + e^−200) on both sides; the e^−200 terms are far below float32's
        // resolution, so the tolerance is the package's usual one, not a statement about the tails
        assertThat((double) p.value()).isCloseTo(400, within(FLOAT32_OP_CHAIN));
        assertThat(p.realGradient()).containsExactly(new float[] {-1f}, within((float) FLOAT32_OP_CHAIN));
        assertThat(p.fakeGradient()).containsExactly(new float[] {1f}, within((float) FLOAT32_OP_CHAIN));
    }

    @Test
    void discriminator_oneArray_isRejected() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList one = new NDList(manager.create(REAL));

            assertThatThrownBy(() -> new DiscriminatorLoss().evaluate(new NDList(), one))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("got 1 arrays");
        }
    }

    @Test
    void nonSaturating_threeLogits_equalsMeanMinusLogSigmoid() {
        LossProbe.Result r = LossProbe.run(GeneratorLoss.nonSaturating(), new float[3], FAKE, 3);

        double expected = (-Math.log(sigmoid(0.5)) - Math.log(sigmoid(-3)) - Math.log(sigmoid(1))) / 3;
        assertThat((double) r.value()).isCloseTo(expected, within(FLOAT32_OP_CHAIN));
        for (int i = 0; i < FAKE.length; i++) {
            assertThat((double) r.gradient()[i]).isCloseTo(-sigmoid(-FAKE[i]) / 3, within(FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void nonSaturating_comparedWithBinaryCrossEntropyOnOnes_isEqual() {
        LossProbe.Result ours = LossProbe.run(GeneratorLoss.nonSaturating(), new float[3], FAKE, 3);
        LossProbe.Result bce = LossProbe.run(BinaryCrossEntropyLoss.fromLogits(), new float[] {1f, 1f, 1f}, FAKE, 3);

        assertThat((double) ours.value()).isCloseTo(bce.value(), within(FLOAT32_OP_CHAIN));
        assertThat(ours.gradient()).containsExactly(bce.gradient(), within((float) FLOAT32_OP_CHAIN));
    }

    @Test
    void minimax_threeLogits_equalsMeanLogOneMinusSigmoid() {
        LossProbe.Result r = LossProbe.run(GeneratorLoss.minimax(), new float[3], FAKE, 3);

        double expected = (Math.log(1 - sigmoid(0.5)) + Math.log(1 - sigmoid(-3)) + Math.log(1 - sigmoid(1))) / 3;
        assertThat((double) r.value()).isCloseTo(expected, within(FLOAT32_OP_CHAIN));
        for (int i = 0; i < FAKE.length; i++) {
            assertThat((double) r.gradient()[i]).isCloseTo(-sigmoid(FAKE[i]) / 3, within(FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void generatorLosses_confidentlyRejectedSample_onlyMinimaxSaturates() {
        float[] rejected = {-10f};
        LossProbe.Result nonSaturating = LossProbe.run(GeneratorLoss.nonSaturating(), new float[1], rejected, 1);
        LossProbe.Result minimax = LossProbe.run(GeneratorLoss.minimax(), new float[1], rejected, 1);

        // −σ(10) ≈ −0.99995 against −σ(−10) ≈ −4.5e-5: four orders of magnitude apart
        assertThat((double) nonSaturating.gradient()[0]).isCloseTo(-sigmoid(10), within(FLOAT32_OP_CHAIN));
        assertThat((double) minimax.gradient()[0]).isCloseTo(-sigmoid(-10), within(1e-7));
        assertThat(Math.abs(nonSaturating.gradient()[0])).isGreaterThan(1e4f * Math.abs(minimax.gradient()[0]));
    }

    @Test
    void nonSaturating_extremeLogits_staysFinite() {
        LossProbe.Result r = LossProbe.run(GeneratorLoss.nonSaturating(), new float[2], new float[] {200f, -200f}, 2);

        // (softPlus(−200) + softPlus(200)) / 2 = (e^−200 + 200) / 2; the gradient −σ(∓200)/2 is (−0, −½) up
        // to terms of size e^−200 (the sign of the zero is the kernel's business, hence a tolerance)
        assertThat((double) r.value()).isCloseTo(100, within(FLOAT32_OP_CHAIN));
        assertThat(r.gradient()).containsExactly(new float[] {0f, -0.5f}, within((float) FLOAT32_OP_CHAIN));
    }
}
