package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import dev.deteval.runtime.schedule.Schedule;
import dev.deteval.runtime.schedule.Scheduled;
import java.util.function.Function;

/**
 * A time-dependent loss: a loss with one parameter (a focal γ, a weight) that follows a {@link Schedule}
 * over training. Register it with a {@link dev.deteval.runtime.schedule.ScheduleListener} in the same
 * training configuration; the listener calls {@link #advance} and every later batch is evaluated by
 * {@code factory.apply(schedule.valueAt(epoch, step))}.
 *
 * <p>Example, focal γ annealed from 2 to 0 over 4 epochs:
 * <pre>{@code
 * ScheduledLoss loss = new ScheduledLoss("AnnealedFocal", Schedule.linear(2f, 0f, 4), g -> FocalLoss.of(g, 0.25f));
 * new DefaultTrainingConfig(loss).addTrainingListeners(new ScheduleListener(loss));
 * }</pre>
 *
 * <p>Shapes and reduction are those of the losses the factory makes. Before training starts the value is
 * the schedule's value at (0, 0).
 */
public final class ScheduledLoss extends Loss implements Scheduled {

    private final Schedule schedule;
    private final Function<Float, Loss> factory;
    private volatile float value;
    private volatile Loss current;

    /**
     * A loss following {@code schedule}.
     *
     * @param name the loss name DJL reports
     * @param schedule the parameter's value over training
     * @param factory makes the loss for one parameter value; it should be cheap and side-effect free
     */
    public ScheduledLoss(String name, Schedule schedule, Function<Float, Loss> factory) {
        super(name);
        this.schedule = schedule;
        this.factory = factory;
        this.value = schedule.valueAt(0, 0);
        this.current = factory.apply(value);
    }

    /** The parameter value now in use. */
    public float value() {
        return value;
    }

    @Override
    public void advance(int epoch, long step) {
        float next = schedule.valueAt(epoch, step);
        if (Float.compare(next, value) != 0) {
            current = factory.apply(next);
            value = next;
        }
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return current.evaluate(labels, predictions);
    }
}
