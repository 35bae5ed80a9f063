package dev.deteval.samples.learning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.PrintStream;

/**
 * The workshop's loss table: two networks that make the same classification mistakes but with very
 * different confidence, scored by classification error, mean squared error and cross-entropy.
 *
 * <p>Rows are (dog, cat) probabilities. NN1 = (0.9, 0.1), (0.1, 0.9), (0.4, 0.6); NN2 = (0.6, 0.4),
 * (0.3, 0.7), (0.1, 0.9); targets (1, 0), (0, 1), (1, 0). Classification error is the share of rows
 * whose arg-max misses the target class; mean squared error sums (t − p)² over the classes and
 * averages over the rows; cross-entropy averages −Σ t·ln p over the rows.
 *
 * <p>Run: {@code mvn -B -q -pl samples exec:java -Dexec.mainClass=dev.deteval.samples.learning.LossTable}
 */
public final class LossTable {

    static final float[] NN1 = {0.9f, 0.1f, 0.1f, 0.9f, 0.4f, 0.6f};
    static final float[] NN2 = {0.6f, 0.4f, 0.3f, 0.7f, 0.1f, 0.9f};
    static final float[] TARGETS = {1, 0, 0, 1, 1, 0};

    private LossTable() {}

    /** One network's three scores. */
    record Scores(float classificationError, float meanSquaredError, float crossEntropy) {}

    /**
     * Prints the table.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        print(System.out);
    }

    /** Prints the table and the explanation; returns {NN1, NN2} scores. */
    static Scores[] print(PrintStream out) {
        Scores[] scores;
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray t = manager.create(TARGETS, new Shape(3, 2));
            scores = new Scores[] {
                score(manager.create(NN1, new Shape(3, 2)), t), score(manager.create(NN2, new Shape(3, 2)), t)
            };
        }
        out.printf("%-22s %6s %6s%n", "", "NN1", "NN2");
        out.printf("%-22s %6.2f %6.2f%n", "classification error", scores[0].classificationError(),
                scores[1].classificationError());
        out.printf("%-22s %6.2f %6.2f%n", "mean squared error", scores[0].meanSquaredError(),
                scores[1].meanSquaredError());
        out.printf("%-22s %6.2f %6.2f%n", "cross-entropy", scores[0].crossEntropy(), scores[1].crossEntropy());
        out.println("Both networks miss one row in three, so the error rate cannot tell them apart. Cross-entropy"
                + " charges -ln p of the true class: NN2's 0.1 on the third dog costs -ln 0.1 = 2.30, NN1's 0.4"
                + " only 0.92, and NN1 is also more confident where both are right; MSE agrees but, bounded by 2"
                + " per row, punishes confident mistakes less.");
        return scores;
    }

    /** Scores (rows, classes) probabilities against one-hot targets of the same shape. */
    static Scores score(NDArray p, NDArray t) {
        float error = p.argMax(1).neq(t.argMax(1)).toType(DataType.FLOAT32, false)
                .mean().getFloat();
        float mse = t.sub(p).square().sum(new int[] {1}).mean().getFloat();
        float ce = t.mul(p.log()).sum(new int[] {1}).neg().mean().getFloat();
        return new Scores(error, mse, ce);
    }
}
