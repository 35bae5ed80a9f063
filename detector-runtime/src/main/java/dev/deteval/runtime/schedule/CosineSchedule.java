package dev.deteval.runtime.schedule;

/** {@link Schedule#cosine}: reads the step clock. */
record CosineSchedule(float start, float end, long steps) implements Schedule {

    CosineSchedule {
        if (steps <= 0) {
            throw new IllegalArgumentException("a cosine schedule needs a positive number of steps, got " + steps);
        }
    }

    @Override
    public float valueAt(int epoch, long step) {
        double progress = Math.min((double) step / steps, 1.0);
        return (float) (end + (start - end) * (1 + Math.cos(Math.PI * progress)) / 2);
    }
}
