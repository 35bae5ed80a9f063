package dev.deteval.runtime.schedule;

/** A training component with a parameter that follows a {@link Schedule}. */
public interface Scheduled {

    /**
     * Sets the parameter to its schedule's value at this position.
     *
     * @param epoch completed epochs
     * @param step completed training batches since training began
     */
    void advance(int epoch, long step);
}
