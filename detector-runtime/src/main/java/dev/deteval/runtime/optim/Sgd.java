package dev.deteval.runtime.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Stochastic gradient descent, optionally with momentum.
 *
 * <p>Without momentum (γ = 0): θ ← θ − η g. Fed the gradient of the whole training set this is
 * (full-batch) gradient descent; fed a mini-batch gradient it is SGD: the update rule is the same,
 * only the gradient's source differs ({@link #gradientDescent(float)} names the first use).
 *
 * <p>With momentum γ &gt; 0 (the workshop's form, learning rate inside the velocity):
 * v ← γ v + η g, θ ← θ − v, with v₀ = 0.
 *
 * <p>DJL's built-in {@code Optimizer.sgd()} uses the same velocity form, so with the same η, γ and
 * coupled weight decay the trajectories coincide. PyTorch's SGD keeps η outside the velocity
 * (b ← γ b + g, θ ← θ − η b); the two agree while η is constant. The decoupled decay of
 * {@link Builder#optDecoupledWeightDecay} (SGDW) has no DJL counterpart; without momentum it equals
 * the coupled L2 decay with the same λ.
 */
public final class Sgd extends EquationOptimizer {

    private final float momentum;

    private Sgd(Builder builder) {
        super(builder);
        this.momentum = builder.momentum;
    }

    /**
     * Starts an SGD optimizer.
     *
     * @param learningRate η &gt; 0
     * @return a builder without momentum
     */
    public static Builder builder(float learningRate) {
        return new Builder(learningRate);
    }

    /**
     * Plain gradient descent θ ← θ − η g, to be fed full-batch gradients.
     *
     * @param learningRate η &gt; 0
     * @return the optimizer
     */
    public static Sgd gradientDescent(float learningRate) {
        return builder(learningRate).build();
    }

    @Override
    NDList newState(NDArray weight) {
        return momentum == 0f ? new NDList() : new NDList(weight.zerosLike());
    }

    @Override
    NDArray step(NDList state, NDArray g, float eta, int t) {
        NDArray scaled = g.mul(eta);
        if (momentum == 0f) {
            return scaled;
        }
        return state.get(0).muli(momentum).addi(scaled);
    }

    /** Settings of {@link Sgd}. */
    public static final class Builder extends EquationOptimizer.Builder<Builder> {

        private float momentum;

        private Builder(float learningRate) {
            super(learningRate);
        }

        /**
         * Sets the momentum γ of v ← γ v + η g. Defaults to 0 (no momentum).
         *
         * @param gamma 0 ≤ γ &lt; 1
         * @return this builder
         */
        public Builder optMomentum(float gamma) {
            if (!(gamma >= 0f && gamma < 1f)) {
                throw new IllegalArgumentException("momentum must be in [0, 1), was " + gamma);
            }
            this.momentum = gamma;
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
        public Sgd build() {
            return new Sgd(this);
        }
    }
}
