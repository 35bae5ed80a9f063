package dev.deteval.runtime.schedule;

/**
 * A number that depends on where training is: the epoch (0-based, counting completed epochs) and the
 * global step (0-based, counting completed training batches over all epochs).
 *
 * <p>Implementations are immutable values; each factory documents which of the two clocks it reads.
 */
public interface Schedule {

    /**
     * The value at a training position.
     *
     * @param epoch completed epochs, {@code >= 0}
     * @param step completed training batches since training began, {@code >= 0}
     */
    float valueAt(int epoch, long step);

    /** The same value at every position. */
    static Schedule constant(float value) {
        return new ConstantSchedule(value);
    }

    /**
     * Linear interpolation over epochs: {@code start + (end - start) * min(epoch / epochs, 1)}, so the
     * value is {@code start} in epoch 0 and stays at {@code end} from epoch {@code epochs} on.
     *
     * @param epochs epochs to go from {@code start} to {@code end}, positive
     */
    static Schedule linear(float start, float end, int epochs) {
        return new LinearSchedule(start, end, epochs);
    }

    /**
     * Half-cosine over steps: {@code end + (start - end) * (1 + cos(pi * min(step / steps, 1))) / 2};
     * {@code start} at step 0, {@code end} from step {@code steps} on.
     *
     * @param steps steps to go from {@code start} to {@code end}, positive
     */
    static Schedule cosine(float start, float end, long steps) {
        return new CosineSchedule(start, end, steps);
    }

    /**
     * Piecewise constant over epochs: {@code start * factor^floor(epoch / everyEpochs)}.
     *
     * @param everyEpochs epochs between two multiplications by {@code factor}, positive
     */
    static Schedule step(float start, float factor, int everyEpochs) {
        return new StepSchedule(start, factor, everyEpochs);
    }
}
