package dev.deteval.runtime.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.training.tracker.Tracker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The part every optimizer in this package shares: it turns the raw gradient into the effective one,
 * asks the subclass for the step Δθ, applies θ ← θ − ηλθ − Δθ and clears the parameter's gradient.
 *
 * <p>The effective gradient is g = clip(rescale · ∇, c) + wd · θ, where {@code rescale} is
 * {@link OptimizerBuilder#setRescaleGrad}, c is {@link OptimizerBuilder#optClipGrad} (clipping to
 * [−c, c] on both sides, unlike DJL's built-ins, which clip the upper side only; c &lt; 0 disables it)
 * and wd is {@link OptimizerBuilder#optWeightDecays}: an L2 term coupled into the gradient, as DJL's
 * built-ins do. The decoupled decay λ ({@link Builder#optDecoupledWeightDecay}) shrinks θ directly by
 * ηλθ and never enters the moment estimates (AdamW, and SGDW for SGD).
 *
 * <p>State (momentum, squared-gradient sums) is kept per parameter id, detached from any manager
 * (freed with the optimizer, as DJL's built-ins do), so one optimizer instance serves one model on one
 * device. Temporaries of an update live in a sub-manager closed before {@code update} returns.
 */
public abstract class EquationOptimizer extends Optimizer {

    private final ParameterTracker learningRate;
    private final float decoupledWeightDecay;
    private final Predicate<String> decayed;
    private final Map<String, NDList> states = new ConcurrentHashMap<>();

    /**
     * Creates the optimizer from its builder.
     *
     * @param builder the settings
     */
    protected EquationOptimizer(Builder<?> builder) {
        super(builder);
        this.learningRate = builder.learningRate;
        this.decoupledWeightDecay = builder.decoupledWeightDecay;
        this.decayed = builder.decayed;
    }

    /**
     * Updates {@code weight} in place from {@code grad} and zeroes the weight's own gradient buffer
     * (the {@code grad} DJL's parameter server passes in is a copy of it).
     *
     * @param parameterId the id that keys this parameter's optimizer state
     * @param weight the parameter θ, updated in place
     * @param grad the gradient ∇ of the loss with respect to θ, same shape
     */
    @Override
    public final void update(String parameterId, NDArray weight, NDArray grad) {
        int t = updateCount(parameterId);
        float eta = learningRate.getNewValue(parameterId, t);
        if (!Float.isFinite(eta)) {
            throw new IllegalStateException("learning rate is " + eta + " at step " + t);
        }
        NDList state = states.computeIfAbsent(parameterId, id -> detached(newState(weight)));
        try (NDManager scope = NDManager.subManagerOf(weight)) {
            scope.tempAttachAll(weight, grad);
            scope.tempAttachAll(state.toArray(new NDArray[0]));
            NDArray step = step(state, effectiveGradient(weight, grad), eta, t);
            if (decoupledWeightDecay != 0f && decayed.test(parameterId)) {
                weight.subi(weight.mul(eta * decoupledWeightDecay));
            }
            weight.subi(step);
            if (weight.hasGradient()) {
                NDArray own = weight.getGradient();
                own.subi(own);
            }
        }
    }

    /** State must outlive whatever scope the weight sits in when the first update happens. */
    private static NDList detached(NDList state) {
        state.forEach(NDArray::detach);
        return state;
    }

    private NDArray effectiveGradient(NDArray weight, NDArray grad) {
        NDArray g = rescaleGrad == 1f ? grad : grad.mul(rescaleGrad);
        if (clipGrad >= 0f) {
            g = g.clip(-clipGrad, clipGrad);
        }
        float wd = getWeightDecay();
        return wd == 0f ? g : g.add(weight.mul(wd));
    }

    /**
     * Creates the state arrays of one parameter, all zeros of the parameter's shape.
     *
     * @param weight the parameter
     * @return the state, possibly empty
     */
    abstract NDList newState(NDArray weight);

    /**
     * Computes the step Δθ that is subtracted from θ, updating {@code state} in place.
     *
     * @param state this parameter's state from {@link #newState}
     * @param g the effective gradient, shape of θ
     * @param eta the learning rate η at this step
     * @param t the step number, starting at 1
     * @return Δθ, shape of θ
     */
    abstract NDArray step(NDList state, NDArray g, float eta, int t);

    /**
     * Settings shared by the optimizers of this package.
     *
     * @param <T> the concrete builder
     */
    @SuppressWarnings("rawtypes")
    public abstract static class Builder<T extends Builder> extends OptimizerBuilder<T> {

        private ParameterTracker learningRate;
        private float decoupledWeightDecay;
        private Predicate<String> decayed = id -> true;

        Builder(float learningRate) {
            this.learningRate = Tracker.fixed(learningRate);
        }

        /**
         * Replaces the fixed learning rate with a schedule.
         *
         * @param tracker gives η for (parameter id, step t ≥ 1)
         * @return this builder
         */
        public T optLearningRateTracker(ParameterTracker tracker) {
            this.learningRate = tracker;
            return self();
        }

        /**
         * Sets the decoupled weight decay λ: every step first shrinks θ by η·λ·θ, outside the
         * gradient and its moment estimates (AdamW; SGDW for SGD). Defaults to 0. It applies to every
         * parameter the optimizer updates, biases and batch-norm γ and β included (γ is pulled towards 0,
         * not towards its initial 1); {@link #optDecoupledWeightDecay(float, Predicate)} with
         * {@link DecayTargets#weightsOf} restricts it to weights.
         *
         * @param lambda λ ≥ 0, per unit learning rate
         * @return this builder
         */
        public T optDecoupledWeightDecay(float lambda) {
            return optDecoupledWeightDecay(lambda, id -> true);
        }

        /**
         * Sets the decoupled weight decay λ for the parameters whose id {@code decayed} accepts; the
         * others are updated without it.
         *
         * @param lambda λ ≥ 0, per unit learning rate
         * @param decayed true for the ids of the parameters to decay, e.g. {@link DecayTargets#weightsOf}
         * @return this builder
         */
        public T optDecoupledWeightDecay(float lambda, Predicate<String> decayed) {
            if (!(lambda >= 0f)) {
                throw new IllegalArgumentException("decoupled weight decay must be >= 0, was " + lambda);
            }
            if (decayed == null) {
                throw new IllegalArgumentException("the decayed-parameter predicate must not be null");
            }
            this.decoupledWeightDecay = lambda;
            this.decayed = decayed;
            return self();
        }
    }
}
