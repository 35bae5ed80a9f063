package dev.deteval.runtime.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * RMSProp (Tieleman and Hinton): AdaGrad with a moving average instead of a sum.
 *
 * <p>s ← ρ s + (1 − ρ) g², θ ← θ − η g / (√s + ε), with s₀ = 0 (PyTorch's uncentred form without
 * momentum; PyTorch calls ρ {@code alpha}, default 0.99).
 *
 * <p>DJL 0.36 has {@code Optimizer.rmsprop()}, but the PyTorch engine does not implement its update
 * (it throws {@code UnsupportedOperationException}), so this class is checked against a
 * hand-computed trajectory instead.
 */
public final class RmsProp extends EquationOptimizer {

    private final float rho;
    private final float epsilon;

    private RmsProp(Builder builder) {
        super(builder);
        this.rho = builder.rho;
        this.epsilon = builder.epsilon;
    }

    /**
     * Starts an RMSProp optimizer.
     *
     * @param learningRate η &gt; 0
     * @return a builder with ρ = 0.9, ε = 1e-8
     */
    public static Builder builder(float learningRate) {
        return new Builder(learningRate);
    }

    @Override
    NDList newState(NDArray weight) {
        return new NDList(weight.zerosLike());
    }

    @Override
    NDArray step(NDList state, NDArray g, float eta, int t) {
        NDArray average = state.get(0).muli(rho).addi(g.square().mul(1f - rho));
        return g.mul(eta).div(average.sqrt().add(epsilon));
    }

    /** Settings of {@link RmsProp}. */
    public static final class Builder extends EquationOptimizer.Builder<Builder> {

        private float rho = 0.9f;
        private float epsilon = 1e-8f;

        private Builder(float learningRate) {
            super(learningRate);
        }

        /**
         * Sets the decay ρ of the squared-gradient average. Defaults to 0.9.
         *
         * @param rho 0 ≤ ρ &lt; 1
         * @return this builder
         */
        public Builder optRho(float rho) {
            if (!(rho >= 0f && rho < 1f)) {
                throw new IllegalArgumentException("rho must be in [0, 1), was " + rho);
            }
            this.rho = rho;
            return this;
        }

        /**
         * Sets ε, added to √s. Defaults to 1e-8.
         *
         * @param epsilon ε ≥ 0
         * @return this builder
         */
        public Builder optEpsilon(float epsilon) {
            this.epsilon = epsilon;
            return this;
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
        public RmsProp build() {
            return new RmsProp(this);
        }
    }
}
