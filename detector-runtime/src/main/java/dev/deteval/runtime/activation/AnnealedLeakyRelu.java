package dev.deteval.runtime.activation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.deteval.runtime.schedule.Schedule;
import dev.deteval.runtime.schedule.Scheduled;

/**
 * A time-dependent activation, the "design your own" example: a leaky ReLU whose negative slope α follows
 * a {@link Schedule} over training, e.g. from a generous 0.3 (gradients flow everywhere early on) down to
 * 0 (a plain ReLU at the end).
 *
 * <p>It is a DJL block without parameters; a {@link dev.deteval.runtime.schedule.ScheduleListener}
 * advances it. Forward and backward are those of {@link LeakyRelu} with the current α; before training the
 * slope is the schedule's value at (0, 0). Input and output have the same shape.
 */
public final class AnnealedLeakyRelu extends AbstractBlock implements Scheduled, DifferentiableActivation {

    private static final byte VERSION = 1;

    private final Schedule slope;
    private volatile LeakyRelu current;

    /**
     * @param slope the negative-side slope over training
     */
    public AnnealedLeakyRelu(Schedule slope) {
        super(VERSION);
        this.slope = slope;
        this.current = new LeakyRelu(slope.valueAt(0, 0));
    }

    /** The negative-side slope now in use. */
    public float slope() {
        return current.alpha();
    }

    @Override
    public void advance(int epoch, long step) {
        current = new LeakyRelu(slope.valueAt(epoch, step));
    }

    @Override
    public NDArray forward(NDArray input) {
        return current.forward(input);
    }

    @Override
    public NDArray backward(NDArray input, NDArray gradOutput) {
        return current.backward(input, gradOutput);
    }

    @Override
    public String name() {
        return "annealedLeakyRelu";
    }

    /** This block itself: it is already a DJL block. */
    @Override
    public Block asBlock() {
        return this;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(forward(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
