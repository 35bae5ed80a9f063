package dev.deteval.eval.data;

import java.util.Arrays;

/**
 * Keypoints of many objects in one flat array: object {@code i} owns the {@code [x, y, v]} triples in
 * {@code values()[start(i) .. start(i + 1))}, so {@code count(i)} keypoints. Coordinates are pixels; {@code v}
 * is COCO's visibility flag (0 unlabelled, 1 labelled but hidden, 2 visible). Objects without keypoints own
 * an empty slice. Immutable: {@link #values()} returns a copy.
 */
public final class KeypointColumn {

    private static final KeypointColumn EMPTY = new KeypointColumn(new double[0], new int[] {0});

    final double[] values;
    private final int[] start;

    private KeypointColumn(double[] values, int[] start) {
        this.values = values;
        this.start = start;
    }

    /** One slice per object, null meaning none; copied into one flat array. */
    static KeypointColumn of(double[][] perObject) {
        int[] start = new int[perObject.length + 1];
        int n = 0;
        for (int i = 0; i < perObject.length; i++) {
            start[i] = n;
            n += perObject[i] == null ? 0 : perObject[i].length;
        }
        start[perObject.length] = n;
        if (n == 0 && perObject.length == 0) {
            return EMPTY;
        }
        double[] values = new double[n];
        for (int i = 0; i < perObject.length; i++) {
            if (perObject[i] != null) {
                System.arraycopy(perObject[i], 0, values, start[i], perObject[i].length);
            }
        }
        return new KeypointColumn(values, start);
    }

    /**
     * The slices collected by {@code parts}, one part after the other: part {@code p}'s objects
     * {@code 0 .. sizes[p]} in order, each copied once into the flat array.
     */
    static KeypointColumn of(Slices[] parts, int[] sizes) {
        int objects = 0;
        int n = 0;
        for (int p = 0; p < parts.length; p++) {
            objects += sizes[p];
            if (parts[p] != null) {
                for (int i = 0; i < sizes[p]; i++) {
                    n += parts[p].length[i];
                }
            }
        }
        double[] values = new double[n];
        int[] start = new int[objects + 1];
        int o = 0;
        int at = 0;
        for (int p = 0; p < parts.length; p++) {
            Slices s = parts[p];
            for (int i = 0; i < sizes[p]; i++) {
                start[o++] = at;
                if (s != null && s.length[i] > 0) {
                    System.arraycopy(s.values, s.from[i], values, at, s.length[i]);
                    at += s.length[i];
                }
            }
        }
        start[objects] = at;
        return new KeypointColumn(values, start);
    }

    /**
     * Keypoint slices collected object by object, in any order, into one growing array (no array per
     * object): what the builders hold until they build. Setting an object twice keeps the second slice.
     * Not thread-safe.
     */
    static final class Slices {
        private double[] values = new double[0];
        private int used;
        private int[] from;
        private int[] length;

        /** @param objects room for that many objects (grown by {@link #objects}) */
        Slices(int objects) {
            from = new int[objects];
            length = new int[objects];
        }

        /** Makes room for objects {@code 0 .. objects}, or gives back room beyond it. */
        void objects(int objects) {
            from = Arrays.copyOf(from, objects);
            length = Arrays.copyOf(length, objects);
        }

        /** Copies {@code xyv[0 .. n)} as object {@code i}'s slice. */
        void set(int i, double[] xyv, int n) {
            if (values.length - used < n) {
                values = Arrays.copyOf(values, Math.max(used + n, 2 * values.length));
            }
            System.arraycopy(xyv, 0, values, used, n);
            from[i] = used;
            length[i] = n;
            used += n;
        }
    }

    /** All triples, object after object (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** Index in {@link #values()} of object {@code i}'s first value. */
    public int start(int i) {
        return start[i];
    }

    /** Number of keypoints of object {@code i} (its slice length / 3). */
    public int count(int i) {
        return (start[i + 1] - start[i]) / 3;
    }
}
