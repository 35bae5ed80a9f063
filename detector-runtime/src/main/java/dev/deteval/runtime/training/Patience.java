package dev.deteval.runtime.training;

/**
 * Early-stopping bookkeeping on a score where higher is better: remembers the best score and counts the
 * offers since it, and asks for a stop once {@code patience} offers in a row failed to beat it (a tie is
 * not an improvement). A patience of 0 never asks.
 */
final class Patience {

    private final int patience;
    private double best = Double.NEGATIVE_INFINITY;
    private int sinceBest;

    /** @param patience offers without improvement before a stop, not negative; 0 for never */
    Patience(int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must not be negative, got " + patience);
        }
        this.patience = patience;
    }

    /**
     * Records a score.
     *
     * @return true when it beats every earlier score
     */
    boolean offer(double score) {
        if (score > best) {
            best = score;
            sinceBest = 0;
            return true;
        }
        sinceBest++;
        return false;
    }

    /** True once {@code patience} offers in a row did not improve on the best. */
    boolean stopRequested() {
        return patience > 0 && sinceBest >= patience;
    }
}
