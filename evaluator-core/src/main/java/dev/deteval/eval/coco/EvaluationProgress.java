package dev.deteval.eval.coco;

/**
 * Told how far a long evaluation has got, for a progress display. Tasks follow each other: {@link #start}
 * names a task and its size, {@link #step} counts units of it done (from any thread: categories are
 * evaluated in parallel), {@link #finish} ends the last one. Implementations must be thread-safe and cheap;
 * they never change a result.
 */
public interface EvaluationProgress {

    /** Shows nothing. */
    EvaluationProgress NONE = new EvaluationProgress() {
        @Override
        public void start(String task, long total) {
        }

        @Override
        public void step() {
        }

        @Override
        public void finish() {
        }
    };

    /**
     * A new task begins.
     *
     * @param task a short name ("read", "evaluate")
     * @param total its number of units (COCO evaluation: categories), or -1 when not known
     */
    void start(String task, long total);

    /** One unit of the current task is done. */
    void step();

    /** The last task is done; a display is cleared or closed. */
    void finish();
}
