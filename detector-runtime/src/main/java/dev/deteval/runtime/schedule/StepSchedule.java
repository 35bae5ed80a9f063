package dev.deteval.runtime.schedule;

/** {@link Schedule#step}: reads the epoch clock. */
record StepSchedule(float start, float factor, int everyEpochs) implements Schedule {

    StepSchedule {
        if (everyEpochs <= 0) {
            throw new IllegalArgumentException("a step schedule needs a positive period in epochs, got " + everyEpochs);
        }
    }

    @Override
    public float valueAt(int epoch, long step) {
        return (float) (start * Math.pow(factor, epoch / everyEpochs));
    }
}
