package dev.deteval.eval.voc;

/**
 * The objects of a {@link VocDataset} grouped by image and, within an image, by class, keeping input
 * order inside each (image, class) group. Built with two stable counting sorts; a lookup is a binary
 * search within the image's group.
 */
final class ObjectIndex {

    private final int[] order;
    private final int[] imageStart;
    private final int[] classOf;

    private ObjectIndex(int[] order, int[] imageStart, int[] classOf) {
        this.order = order;
        this.imageStart = imageStart;
        this.classOf = classOf;
    }

    static ObjectIndex of(VocDataset gt) {
        int n = gt.objectCount();
        int[] identity = new int[n];
        for (int i = 0; i < n; i++) {
            identity[i] = i;
        }
        int[] byClass = countingSort(identity, gt.objectClasses, gt.classes().size(), null);
        int[] imageStart = new int[gt.imageCount() + 1];
        int[] order = countingSort(byClass, gt.objectImages, gt.imageCount(), imageStart);
        return new ObjectIndex(order, imageStart, gt.objectClasses);
    }

    /**
     * Stably sorts {@code items} by {@code key[item]} in {@code [0, buckets)}; when {@code start} is not
     * null it receives the offset of each bucket (length {@code buckets + 1}).
     */
    private static int[] countingSort(int[] items, int[] key, int buckets, int[] start) {
        int[] offsets = start != null ? start : new int[buckets + 1];
        for (int item : items) {
            offsets[key[item] + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            offsets[b + 1] += offsets[b];
        }
        int[] next = new int[buckets];
        System.arraycopy(offsets, 0, next, 0, buckets);
        int[] out = new int[items.length];
        for (int item : items) {
            out[next[key[item]]++] = item;
        }
        return out;
    }

    /** The object at position {@code p} of the grouped order. */
    int object(int p) {
        return order[p];
    }

    /** First position of the objects of class {@code k} in image {@code image}. */
    int from(int image, int k) {
        return lowerBound(imageStart[image], imageStart[image + 1], k);
    }

    /** One past the last position of the objects of class {@code k} in image {@code image}. */
    int to(int image, int k) {
        return lowerBound(imageStart[image], imageStart[image + 1], k + 1);
    }

    private int lowerBound(int lo, int hi, int k) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (classOf[order[mid]] < k) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
