package dev.deteval.runtime.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Adam (Kingma and Ba), with optional decoupled weight decay (AdamW).
 *
 * <p>m ← β₁ m + (1 − β₁) g, v ← β₂ v + (1 − β₂) g², m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ),
 * θ ← θ − η m̂ / (√v̂ + ε), with m₀ = v₀ = 0 and t counted from 1 (PyTorch's form).
 *
 * <p>DJL's built-in {@code Optimizer.adam()} folds the bias corrections into the learning rate,
 * θ ← θ − η √(1 − β₂ᵗ) / (1 − β₁ᵗ) · m / (√v + ε), which is this update with ε replaced by
 * ε / √(1 − β₂ᵗ): the two coincide exactly when ε = 0 and differ by a relative O(ε / √v̂) otherwise.
 * DJL's {@code weightDecays} on Adam is coupled L2; {@code Optimizer.adamW()} is decoupled and
 * equals this class with {@link Builder#optDecoupledWeightDecay}.
 */
public final class Adam extends EquationOptimizer {

    private final float beta1;
    private final float beta2;
    private final float epsilon;

    private Adam(Builder builder) {
        super(builder);
        this.beta1 = builder.beta1;
        this.beta2 = builder.beta2;
        this.epsilon = builder.epsilon;
    }

    /**
     * Starts an Adam optimizer.
     *
     * @param learningRate η &gt; 0
     * @return a builder with β₁ = 0.9, β₂ = 0.999, ε = 1e-8
     */
    public static Builder builder(float learningRate) {
        return new Builder(learningRate);
    }

    @Override
    NDList newState(NDArray weight) {
        return new NDList(weight.zerosLike(), weight.zerosLike());
    }

    @Override
    NDArray step(NDList state, NDArray g, float eta, int t) {
        NDArray m = state.get(0).muli(beta1).addi(g.mul(1f - beta1));
        NDArray v = state.get(1).muli(beta2).addi(g.square().mul(1f - beta2));
        float correction1 = (float) (1.0 - Math.pow(beta1, t));
        float correction2 = (float) (1.0 - Math.pow(beta2, t));
        NDArray mHat = m.div(correction1);
        NDArray vHat = v.div(correction2);
        return mHat.mul(eta).div(vHat.sqrt().add(epsilon));
    }

    /** Settings of {@link Adam}. */
    public static final class Builder extends EquationOptimizer.Builder<Builder> {

        private float beta1 = 0.9f;
        private float beta2 = 0.999f;
        private float epsilon = 1e-8f;

        private Builder(float learningRate) {
            super(learningRate);
        }

        /**
         * Sets the decay β₁ of the gradient average. Defaults to 0.9.
         *
         * @param beta1 0 ≤ β₁ &lt; 1
         * @return this builder
         */
        public Builder optBeta1(float beta1) {
            this.beta1 = inUnitInterval("beta1", beta1);
            return this;
        }

        /**
         * Sets the decay β₂ of the squared-gradient average. Defaults to 0.999.
         *
         * @param beta2 0 ≤ β₂ &lt; 1
         * @return this builder
         */
        public Builder optBeta2(float beta2) {
            this.beta2 = inUnitInterval("beta2", beta2);
            return this;
        }

        /**
         * Sets ε, added to √v̂. Defaults to 1e-8.
         *
         * @param epsilon ε ≥ 0
         * @return this builder
         */
        public Builder optEpsilon(float epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        private static float inUnitInterval(String name, float value) {
            if (!(value >= 0f && value < 1f)) {
                throw new IllegalArgumentException(name + " must be in [0, 1), was " + value);
            }
            return value;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Builds the optimizer.
         *
         * @return the optimizer
         */
        public Adam build() {
            return new Adam(this);
        }
    }
}
