package dev.deteval.eval.mask;

/**
 * Union or intersection of two run-length sequences of the same image, walking both as maskApi
 * {@code rleMerge} does: advance by the shorter of the two current runs, switch a side's value when its run
 * is used up, and close an output run whenever the combined value changes or both inputs are exhausted.
 *
 * <p>If both inputs hold an empty run at the same position (never the case for masks made by pycocotools
 * or by {@link Rle#fromMask}), the C loop stops there; so does this one, and {@link Rle#merge} rejects the
 * shortened result.
 */
final class RunMerge {

    private RunMerge() {
    }

    static int[] merge(int[] a, int[] b, boolean intersect) {
        if (a.length == 0 || b.length == 0) {
            return a.clone();
        }
        RunBuffer out = new RunBuffer(a.length + b.length + 1);
        long ca = a[0];
        long cb = b[0];
        int ia = 1;
        int ib = 1;
        boolean va = false;
        boolean vb = false;
        boolean v = false;
        long run = 0;
        long remaining = 1;
        while (remaining > 0) {
            long step = Math.min(ca, cb);
            run += step;
            ca -= step;
            if (ca == 0 && ia < a.length) {
                ca = a[ia++];
                va = !va;
            }
            cb -= step;
            if (cb == 0 && ib < b.length) {
                cb = b[ib++];
                vb = !vb;
            }
            remaining = ca + cb;
            boolean previous = v;
            v = intersect ? va && vb : va || vb;
            if (v != previous || remaining == 0) {
                out.add((int) run);
                run = 0;
            }
        }
        return out.toArray();
    }
}
