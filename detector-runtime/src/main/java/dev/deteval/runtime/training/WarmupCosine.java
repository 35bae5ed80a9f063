package dev.deteval.runtime.training;

import ai.djl.training.tracker.Tracker;
import dev.deteval.runtime.schedule.Schedule;

/**
 * A learning rate as a DJL {@link Tracker}: linear warm-up from 0 to {@code peak} over {@code warmup}
 * updates, then this module's {@link Schedule#cosine half-cosine} from {@code peak} to 0 over the remaining
 * updates. Update t counts from 1: {@code η(t) = peak·t / warmup} for {@code t ≤ warmup}, else
 * {@code cosine(peak, 0, total - warmup).valueAt(0, t - warmup)}.
 */
final class WarmupCosine implements Tracker {

    private final float peak;
    private final int warmup;
    private final Schedule decay;

    WarmupCosine(float peak, int warmup, int total) {
        this.peak = peak;
        this.warmup = warmup;
        this.decay = Schedule.cosine(peak, 0f, Math.max(1, total - warmup));
    }

    @Override
    public float getNewValue(int numUpdate) {
        if (numUpdate <= warmup) {
            return peak * numUpdate / warmup;
        }
        return decay.valueAt(0, numUpdate - warmup);
    }
}
