package dev.deteval.runtime.schedule;

/** {@link Schedule#linear}: reads the epoch clock. */
record LinearSchedule(float start, float end, int epochs) implements Schedule {

    LinearSchedule {
        if (epochs <= 0) {
            throw new IllegalArgumentException("a linear schedule needs a positive number of epochs, got " + epochs);
        }
    }

    @Override
    public float valueAt(int epoch, long step) {
        float progress = Math.min((float) epoch / epochs, 1f);
        return start + (end - start) * progress;
    }
}
