package dev.deteval.runtime.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * AdaGrad: each coordinate's step shrinks with the sum of its squared gradients.
 *
 * <p>s ← s + g², θ ← θ − η g / (√s + ε), with s₀ = 0 (ε outside the root, as in PyTorch).
 *
 * <p>DJL 0.36 has {@code Optimizer.adagrad()}, but its update is not implemented by the PyTorch
 * engine (it throws {@code UnsupportedOperationException}), so this class is checked against a
 * hand-computed trajectory instead.
 */
public final class AdaGrad extends EquationOptimizer {

    private final float epsilon;

    private AdaGrad(Builder builder) {
        super(builder);
        this.epsilon = builder.epsilon;
    }

    /**
     * Starts an AdaGrad optimizer.
     *
     * @param learningRate η &gt; 0
     * @return a builder with ε = 1e-8
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
        NDArray sum = state.get(0).addi(g.square());
        return g.mul(eta).div(sum.sqrt().add(epsilon));
    }

    /** Settings of {@link AdaGrad}. */
    public static final class Builder extends EquationOptimizer.Builder<Builder> {

        private float epsilon = 1e-8f;

        private Builder(float learningRate) {
            super(learningRate);
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
        public AdaGrad build() {
            return new AdaGrad(this);
        }
    }
}
