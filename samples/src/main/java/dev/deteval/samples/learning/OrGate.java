package dev.deteval.samples.learning;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import dev.deteval.runtime.loss.BinaryCrossEntropyLoss;
import dev.deteval.runtime.optim.Adam;
import dev.deteval.runtime.optim.Sgd;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The workshop's OR gate, first as the slide's single-layer perceptron without activation, then with a
 * sigmoid: one unit learns OR (it is linearly separable), one unit cannot learn XOR, a hidden layer can.
 *
 * <p>Perceptron: p = w₁x₁ + w₂x₂ + b, weights and bias start at 0, the four samples are shown one at a
 * time (batch size 1) in the order (0,0), (0,1), (1,0), (1,1), the loss is L = ½(t − p)² (DJL's
 * {@code Loss.l2Loss()} on one sample) and gradient descent with rate η gives Δw = η(t − p)x,
 * Δb = η(t − p). Every step prints the sample, p, L before the update and the weights after it. The
 * updates are applied parameter by parameter rather than through {@code Trainer.step()}, because the
 * first sample has t = p = 0 and DJL's trainer refuses an all-zero gradient. After the steps it prints
 * the total Σ ½(t − p)² over the four samples after each step of the first epoch: 1.5, 1.5, 1.05, 0.7215,
 * 0.4752; the deck's 0.72 is the value after step 3.
 *
 * <p>Then, with p = σ(w·x + b) and binary cross-entropy: a single unit separates OR; on XOR it can get at
 * most three of the four right, whatever its weights; a 2-4-1 network with a sigmoid hidden layer learns
 * XOR.
 *
 * <p>Run: {@code mvn -B -q -pl samples exec:java -Dexec.mainClass=dev.deteval.samples.learning.OrGate}
 */
public final class OrGate {

    static final float[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    static final float[] TARGETS = {0, 1, 1, 1};

    private OrGate() {}

    /** One perceptron step: the sample, the prediction and loss before the update, the weights after it. */
    record Step(int step, float[] x, float target, float prediction, float loss, float w1, float w2, float b) {}

    static final float[] XOR = {0, 1, 1, 0};

    /**
     * What the sample computed: the perceptron's steps, then the four outputs of a single sigmoid unit on
     * OR and on XOR, and of a network with a hidden layer on XOR.
     */
    record Result(List<Step> perceptron, float[] unitOr, float[] unitXor, float[] hiddenXor) {}

    /**
     * Runs both parts and prints them.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out, 10, 0.1f);
    }

    /**
     * Trains the perceptron for {@code epochs} passes over the four samples with rate {@code eta} and prints
     * the total loss after each step of the first epoch; then a single sigmoid unit on OR and on XOR, and a
     * network with a hidden layer on XOR, printing all of it to {@code out}.
     */
    static Result run(PrintStream out, int epochs, float eta) {
        List<Step> steps = perceptron(out, epochs, eta);
        printTotals(out, steps);
        float[] unitOr = singleUnit(out, "OR", TARGETS, 500);
        float[] unitXor = singleUnit(out, "XOR", XOR, 500);
        out.println("OR is linearly separable: one unit with a sigmoid learns it. XOR is not: no line puts (0,1) and"
                + " (1,0) on one side and (0,0), (1,1) on the other, so one unit gets at most 3 of 4. Under"
                + " cross-entropy its best is w = b = 0: every output 1/2, mean loss ln 2 = 0.693, where it starts.");
        float[] hiddenXor = hiddenLayer(out, "XOR", XOR, 300);
        out.println("A hidden layer bends the boundary: XOR is the gate that needs the non-linearity.");
        return new Result(steps, unitOr, unitXor, hiddenXor);
    }

    static List<Step> perceptron(PrintStream out, int epochs, float eta) {
        out.printf("Single-layer perceptron without activation, eta=%s, batch size 1, L=(t-p)^2/2%n", eta);
        List<Step> steps = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            Linear layer = Linear.builder().setUnits(1).build();
            layer.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
            layer.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
            ParameterStore store = new ParameterStore(manager, false);
            Optimizer gd = Sgd.gradientDescent(eta);
            Loss loss = Loss.l2Loss();
            for (int epoch = 0; epoch < epochs; epoch++) {
                for (int i = 0; i < INPUTS.length; i++) {
                    Step step = perceptronStep(steps.size() + 1, layer, store, gd, loss, manager, i);
                    steps.add(step);
                    out.println(format(step));
                }
            }
            Step last = steps.get(steps.size() - 1);
            out.printf("Perceptron outputs: %s%n", linearOutputs(last));
            out.println("Without an activation the outputs are a plane: the best mean loss it can reach on OR is"
                    + " 1/32 = 0.03125 (outputs 1/4, 3/4, 3/4, 5/4), never 0.");
        }
        return steps;
    }

    private static Step perceptronStep(
            int number, Linear layer, ParameterStore store, Optimizer gd, Loss loss, NDManager manager, int i) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(INPUTS[i], new Shape(1, 2));
            NDArray t = scope.create(new float[] {TARGETS[i]}, new Shape(1, 1));
            float prediction;
            float value;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray p = layer.forward(store, new NDList(x), true).singletonOrThrow();
                NDArray l = loss.evaluate(new NDList(t), new NDList(p));
                prediction = p.getFloat();
                value = l.getFloat();
                collector.backward(l);
            }
            for (Parameter parameter : layer.getParameters().values()) {
                NDArray w = parameter.getArray();
                NDArray grad = w.getGradient();
                NDArray copy = grad.duplicate();
                scope.attachAll(grad, copy);
                gd.update(parameter.getId(), w, copy);
            }
            float[] w = layer.getParameters().get("weight").getArray().toFloatArray();
            float b = layer.getParameters().get("bias").getArray().getFloat();
            return new Step(number, INPUTS[i], TARGETS[i], prediction, value, w[0], w[1], b);
        }
    }

    static String format(Step s) {
        return String.format(
                "step %2d  x=(%.0f,%.0f) t=%.0f  p=%.4f  loss=%.4f  ->  w1=%.4f w2=%.4f b=%.4f",
                s.step(), s.x()[0], s.x()[1], s.target(), s.prediction(), s.loss(), s.w1(), s.w2(), s.b());
    }

    private static String linearOutputs(Step s) {
        StringBuilder text = new StringBuilder();
        for (float[] x : INPUTS) {
            text.append(String.format("(%.0f,%.0f)->%.3f ", x[0], x[1], s.w1() * x[0] + s.w2() * x[1] + s.b()));
        }
        return text.toString().trim();
    }

    /**
     * The total loss Σ ½(t − p)² of the perceptron with the weights after {@code s}, over all four samples
     * (the deck's 0.72 is this total after step 3).
     */
    static double totalLoss(Step s) {
        double total = 0;
        for (int i = 0; i < INPUTS.length; i++) {
            double p = s.w1() * INPUTS[i][0] + s.w2() * INPUTS[i][1] + s.b();
            total += 0.5 * (TARGETS[i] - p) * (TARGETS[i] - p);
        }
        return total;
    }

    private static void printTotals(PrintStream out, List<Step> steps) {
        out.println("Total loss over all four samples, sum of (t-p)^2/2, after each step of the first epoch:");
        out.printf(Locale.ROOT, "  start    %.4f%n", totalLoss(new Step(0, INPUTS[0], 0, 0, 0, 0, 0, 0)));
        for (int k = 0; k < Math.min(4, steps.size()); k++) {
            out.printf(Locale.ROOT, "  step %d   %.4f%s%n", k + 1, totalLoss(steps.get(k)),
                    k == 2 ? "   <- the deck's 0.72" : "");
        }
    }

    /**
     * A single sigmoid unit p = σ(w·x + b) on {@code targets}: binary cross-entropy from logits, full batch,
     * gradient descent η = 1, {@code steps} steps from w = b = 0. Returns the four outputs.
     */
    static float[] singleUnit(PrintStream out, String gate, float[] targets, int steps) {
        Block unit = Linear.builder().setUnits(1).build();
        float[] outputs = fit(unit, targets, steps, Sgd.gradientDescent(1f), Initializer.ZEROS);
        print(out, "Single sigmoid unit on " + gate + ", gradient descent eta=1, " + steps + " full-batch steps",
                targets, outputs);
        return outputs;
    }

    /** Two layers, 2 → 4 (sigmoid) → 1 (sigmoid), Adam η = 0.1, on {@code targets}. Returns the four outputs. */
    static float[] hiddenLayer(PrintStream out, String gate, float[] targets, int steps) {
        Block net = new SequentialBlock()
                .add(Linear.builder().setUnits(4).build())
                .add(Activation::sigmoid)
                .add(Linear.builder().setUnits(1).build());
        float[] outputs = fit(net, targets, steps, Adam.builder(0.1f).build(), new SeededInitializer(7));
        print(out, "Hidden layer 2-4-1 (sigmoid) on " + gate + ", Adam eta=0.1, " + steps + " full-batch steps",
                targets, outputs);
        return outputs;
    }

    /** Trains {@code block} (logits out) with BCE on the four inputs; returns σ(logits) for them. */
    private static float[] fit(Block block, float[] targets, int steps, Optimizer optimizer, Initializer weights) {
        try (NDManager manager = NDManager.newBaseManager()) {
            block.setInitializer(weights, Parameter.Type.WEIGHT);
            block.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
            block.initialize(manager, DataType.FLOAT32, new Shape(4, 2));
            ParameterStore store = new ParameterStore(manager, false);
            NDArray x = manager.create(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, new Shape(4, 2));
            NDArray t = manager.create(targets, new Shape(4, 1));
            Loss bce = BinaryCrossEntropyLoss.fromLogits();
            for (int step = 0; step < steps; step++) {
                try (NDManager scope = manager.newSubManager()) {
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray logits = block.forward(store, new NDList(x), true).singletonOrThrow();
                        collector.backward(bce.evaluate(new NDList(t), new NDList(logits)));
                    }
                    BlockSteps.update(block, optimizer, scope);
                }
            }
            try (NDManager scope = manager.newSubManager()) {
                NDArray logits = block.forward(store, new NDList(x), false).singletonOrThrow();
                scope.tempAttachAll(logits);
                return Activation.sigmoid(logits).toFloatArray();
            }
        }
    }

    private static void print(PrintStream out, String title, float[] targets, float[] outputs) {
        out.println(title);
        int correct = correct(targets, outputs);
        for (int i = 0; i < INPUTS.length; i++) {
            out.printf(Locale.ROOT, "  (%.0f,%.0f) t=%.0f -> %.3f  %s%n", INPUTS[i][0], INPUTS[i][1], targets[i],
                    outputs[i], verdict(targets[i], outputs[i]));
        }
        out.printf(Locale.ROOT, "  %d of 4 correct%n", correct);
    }

    private static String verdict(float target, float output) {
        if (output == 0.5f) {
            return "undecided";
        }
        return (output > 0.5f) == (target == 1f) ? "correct" : "wrong";
    }

    /** How many of the four outputs lie strictly on the target's side of ½. */
    static int correct(float[] targets, float[] outputs) {
        int n = 0;
        for (int i = 0; i < targets.length; i++) {
            boolean right = targets[i] == 1f ? outputs[i] > 0.5f : outputs[i] < 0.5f;
            n += right ? 1 : 0;
        }
        return n;
    }
}
