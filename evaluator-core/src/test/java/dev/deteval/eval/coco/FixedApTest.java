package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.internal.NumpyMath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FixedAp}'s curves, read off the candidate hits alone, against a plain reading of the rules on random
 * tallies: per fix, the class's kept entries listed in COCO's merged order (descending score, stable, the hits
 * the Cls fix moves in after the entries of equal score), then pycocotools' arithmetic over the list. Scores
 * come from a small set, so ties are many; some classes have no ground truth that counts.
 */
final class FixedApTest {

    private static final CocoParams PARAMS = CocoParams.defaults();
    private static final int LOC = ErrorType.LOCALIZATION.ordinal() + 1;
    private static final int CLS = ErrorType.CLASSIFICATION.ordinal() + 1;
    private static final int MISS = ErrorType.MISSED.ordinal() + 1;

    @Test
    void slices_randomTallies_equalEveryFixWalkedEntryByEntry() {
        for (long seed = 0; seed < 300; seed++) {
            Random r = new Random(seed);
            ErrorTally tally = randomTally(r);
            double[][][] slices = new FixedAp(tally, PARAMS).slices();
            for (int f = 0; f < FixedAp.FIXES; f++) {
                for (int t = 0; t < tally.thresholds.length; t++) {
                    assertThat(slices[f][t]).as("seed %d fix %d threshold %d", seed, f, t)
                            .isEqualTo(reference(tally, f, t));
                }
            }
        }
    }

    @Test
    void slices_locFix_turnsTheLooseBoxIntoAHit() {
        // one class, two positives: a true positive (0.9), a loose box that the Loc fix turns into a hit (0.8), a
        // background error (0.7). Unfixed: one hit, at recall 1/2, precision 1 / (0 + 1 + eps). Loc fixed: a second
        // hit at recall 1 with precision 2 / (0 + 2 + eps), which is higher and so the precision everywhere.
        ErrorTally tally = new ErrorTally(1, new double[] {0.5}, 0.1);
        tally.score[0] = new double[] {0.9, 0.8, 0.7};
        tally.kind[0][0] = new byte[] {ErrorTally.TRUE_POSITIVE, ErrorTally.LOC_FIX, ErrorTally.BKG};
        tally.size[0] = 3;
        tally.positives[0] = 2;
        double[][][] slices = new FixedAp(tally, PARAMS).slices();
        double[] recThrs = PARAMS.recThrs();
        for (int k = 0; k < recThrs.length; k++) {
            assertThat(slices[0][0][k]).isEqualTo(recThrs[k] <= 0.5 ? 1 / (1 + NumpyMath.EPS) : 0.0);
            assertThat(slices[LOC][0][k]).isEqualTo(2 / (2 + NumpyMath.EPS));
        }
    }

    /** Up to five classes and three thresholds, up to 300 entries per class, moves and misses. */
    private static ErrorTally randomTally(Random r) {
        int classes = 1 + r.nextInt(5);
        int thresholds = 1 + r.nextInt(3);
        ErrorTally tally = new ErrorTally(classes, Arrays.copyOf(PARAMS.iouThrs(), thresholds), 0.1);
        for (int c = 0; c < classes; c++) {
            int n = r.nextInt(300);
            double[] score = new double[n + r.nextInt(4)]; // room to spare, as the tally grows its arrays
            for (int j = 0; j < n; j++) {
                score[j] = r.nextInt(25) / 24.0;
            }
            tally.score[c] = score;
            tally.size[c] = n;
            for (int t = 0; t < thresholds; t++) {
                byte[] kind = new byte[score.length];
                for (int j = 0; j < n; j++) {
                    kind[j] = (byte) r.nextInt(ErrorTally.BKG + 1);
                }
                tally.kind[t][c] = kind;
            }
        }
        for (int c = 0; c < classes; c++) {
            tally.positives[c] = r.nextInt(8) == 0 ? 0 : r.nextInt(200);
            for (int t = 0; t < thresholds; t++) {
                tally.missed[t][c] = tally.positives[c] == 0 ? 0 : r.nextInt(tally.positives[c] + 1);
            }
        }
        for (int t = 0; t < thresholds; t++) {
            for (int c = 0; c < classes && classes > 1; c++) {
                for (int j = 0; j < tally.size[c]; j++) {
                    if (tally.kind[t][c][j] == ErrorTally.CLS_FIX && r.nextBoolean()) {
                        int to = (c + 1 + r.nextInt(classes - 1)) % classes;
                        int at = tally.moveCount[t] * 3;
                        if (tally.moves[t].length < at + 3) {
                            tally.moves[t] = Arrays.copyOf(tally.moves[t], at * 2 + 3);
                        }
                        tally.moves[t][at] = c;
                        tally.moves[t][at + 1] = j;
                        tally.moves[t][at + 2] = to;
                        tally.moveCount[t]++;
                    }
                }
            }
        }
        return tally;
    }

    private record Entry(double score, boolean hit) {
    }

    /** Fix {@code f}'s precision slice at threshold {@code t}, every class's kept entries walked one by one. */
    private static double[] reference(ErrorTally tally, int f, int t) {
        double[] recThrs = PARAMS.recThrs();
        double[] out = new double[recThrs.length * tally.classes];
        for (int c = 0; c < tally.classes; c++) {
            int positives = tally.positives[c] - (f == MISS ? tally.missed[t][c] : 0);
            if (positives <= 0) {
                for (int k = 0; k < recThrs.length; k++) {
                    out[k * tally.classes + c] = -1;
                }
                continue;
            }
            List<Entry> own = new ArrayList<>();
            for (int j = 0; j < tally.size[c]; j++) {
                byte k = tally.kind[t][c][j];
                if (k == ErrorTally.IGNORED || removed(f, k)) {
                    continue;
                }
                own.add(new Entry(tally.score[c][j], k == ErrorTally.TRUE_POSITIVE
                        || (f == LOC && k == ErrorTally.LOC_FIX)));
            }
            List<Entry> entries = new ArrayList<>(own);
            if (f == CLS) {
                for (int i = 0; i < tally.moveCount[t]; i++) {
                    if (tally.moves[t][3 * i + 2] == c) {
                        int from = tally.moves[t][3 * i];
                        entries.add(new Entry(tally.score[from][tally.moves[t][3 * i + 1]], true));
                    }
                }
            }
            // List.sort is stable: own entries (listed first) stay before moved-in hits of equal score
            entries.sort(Comparator.comparingDouble(Entry::score).reversed());
            List<Double> rc = new ArrayList<>();
            List<Double> pr = new ArrayList<>();
            int tp = 0;
            int fp = 0;
            for (Entry e : entries) {
                if (e.hit()) {
                    tp++;
                    rc.add((double) tp / positives);
                    pr.add(tp / ((double) fp + tp + NumpyMath.EPS));
                } else {
                    fp++;
                }
            }
            for (int j = pr.size() - 1; j > 0; j--) {
                pr.set(j - 1, Math.max(pr.get(j - 1), pr.get(j)));
            }
            for (int k = 0; k < recThrs.length; k++) {
                int first = 0; // numpy's searchsorted, side "left"
                while (first < rc.size() && rc.get(first) < recThrs[k]) {
                    first++;
                }
                out[k * tally.classes + c] = first < pr.size() ? pr.get(first) : 0.0;
            }
        }
        return out;
    }

    private static boolean removed(int f, byte kind) {
        return switch (kind) {
            case ErrorTally.CLS_FIX, ErrorTally.CLS_DROP -> f == CLS;
            case ErrorTally.LOC_DROP -> f == LOC;
            case ErrorTally.BOTH -> f == ErrorType.BOTH.ordinal() + 1;
            case ErrorTally.DUPE -> f == ErrorType.DUPLICATE.ordinal() + 1;
            case ErrorTally.BKG -> f == ErrorType.BACKGROUND.ordinal() + 1;
            default -> false;
        };
    }
}
