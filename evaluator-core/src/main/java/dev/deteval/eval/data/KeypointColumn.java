package dev.deteval.eval.data;

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
