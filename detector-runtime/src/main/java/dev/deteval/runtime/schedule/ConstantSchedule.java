package dev.deteval.runtime.schedule;

/** {@link Schedule#constant}: reads neither clock. */
record ConstantSchedule(float value) implements Schedule {

    @Override
    public float valueAt(int epoch, long step) {
        return value;
    }
}
