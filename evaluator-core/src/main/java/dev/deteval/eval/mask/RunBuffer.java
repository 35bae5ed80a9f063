package dev.deteval.eval.mask;

import dev.deteval.eval.internal.Growable;
import java.util.Arrays;

/** A growable list of non-negative ints (runs or boundary positions) while a mask is being built. */
final class RunBuffer {

    private int[] values;
    private int size;

    RunBuffer(int capacity) {
        values = new int[Math.max(capacity, 1)];
    }

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, Growable.next(values.length, size + 1));
        }
        values[size++] = value;
    }

    /** Adds {@code value} to the last entry; the buffer must not be empty. */
    void addToLast(int value) {
        values[size - 1] += value;
    }

    int get(int index) {
        return values[index];
    }

    /** Drops the entries from {@code size} on. */
    void truncate(int size) {
        this.size = size;
    }

    int size() {
        return size;
    }

    /** The buffer's own array, valid up to {@link #size()}, for a caller that finishes it in place. */
    int[] array() {
        return values;
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
