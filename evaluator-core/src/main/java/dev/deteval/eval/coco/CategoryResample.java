package dev.deteval.eval.coco;

/**
 * The match table of one category row, kept for resampling: per detection in merged score order its
 * rank within its image and its image; per (area, threshold) row the true-positive and ignored bit sets
 * of {@link CategoryOutcomes}; per image with ground truth of the category the ground truths that count
 * per area range. The arrays are owned by this value and never handed out.
 *
 * @param rank rank of each detection within its image, merged order, length n
 * @param tp {@code [A][T][words(n)]} true-positive bits
 * @param ignored the same for ignored detections
 * @param imageOf image index of each detection, merged order, length n
 * @param gtImages images with ground truth of the category, length G
 * @param counted ground truths that are not ignored, {@code [G][A]} flattened
 */
record CategoryResample(int[] rank, long[] tp, long[] ignored, int[] imageOf, int[] gtImages, int[] counted) {

    /** The number of detections n. */
    int size() {
        return rank.length;
    }

    /**
     * The weighted number of ground truths that are not ignored in area range {@code area}: each image's
     * count times its weight {@code weights[image]}.
     */
    long positives(int[] weights, int area, int areas) {
        long sum = 0;
        for (int e = 0; e < gtImages.length; e++) {
            sum += (long) weights[gtImages[e]] * counted[e * areas + area];
        }
        return sum;
    }

    /**
     * Writes to {@code before[i]} the total weight of the kept detections (rank below {@code maxDet})
     * before merged place {@code i}; returns the total weight of all kept detections.
     */
    long keptBefore(int[] weights, int maxDet, long[] before) {
        long sum = 0;
        for (int i = 0; i < rank.length; i++) {
            before[i] = sum;
            if (rank[i] < maxDet) {
                sum += weights[imageOf[i]];
            }
        }
        return sum;
    }
}
