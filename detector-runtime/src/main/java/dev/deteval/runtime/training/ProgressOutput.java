package dev.deteval.runtime.training;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Training progress for people and for CI logs. On a terminal ({@link System#console()} present) one line
 * is redrawn in place as a bar; elsewhere (CI, redirected output) a plain line is printed every
 * {@code plainEvery} steps, so logs stay readable. Messages (evaluations, checkpoints) are always whole
 * lines.
 */
public final class ProgressOutput {

    private static final int BAR = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final int plainEvery;
    private final long started = System.nanoTime();
    private final long cpuStarted = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    private boolean barShown;

    /**
     * @param out where progress goes
     * @param terminal true to draw a bar in place, false for plain lines
     * @param plainEvery steps between plain lines, at least 1
     */
    public ProgressOutput(PrintStream out, boolean terminal, int plainEvery) {
        this.out = out;
        this.terminal = terminal;
        this.plainEvery = Math.max(1, plainEvery);
    }

    /** Progress on standard output: a bar on a terminal, a line every 100 steps otherwise. */
    public static ProgressOutput standard() {
        return new ProgressOutput(System.out, System.console() != null, 100);
    }

    /** Progress that prints nothing but messages. */
    public static ProgressOutput quiet(PrintStream out) {
        return new ProgressOutput(out, false, Integer.MAX_VALUE);
    }

    /**
     * Reports a finished step.
     *
     * @param step steps done, from 1
     * @param total steps planned
     * @param loss the step's loss
     * @param learningRate the step's learning rate
     */
    void step(int step, int total, float loss, float learningRate) {
        double seconds = (System.nanoTime() - started) / 1e9;
        if (terminal) {
            if (step % 5 == 0 || step == total) {
                int filled = (int) ((long) BAR * step / total);
                out.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d loss %.3f lr %.4f %.0f s", "=".repeat(filled),
                        " ".repeat(BAR - filled), step, total, loss, learningRate, seconds));
                out.flush();
                barShown = true;
            }
        } else if (step % plainEvery == 0 || step == total) {
            double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted) / 1e9;
            out.println(String.format(Locale.ROOT, "step %d/%d loss %.4f lr %.5f %.1f s (%.1f s CPU)", step, total,
                    loss, learningRate, seconds, cpu));
        }
    }

    /** Prints a whole line (ending the bar's line first on a terminal). */
    void message(String line) {
        if (barShown) {
            out.println();
            barShown = false;
        }
        out.println(line);
    }

    /** Seconds since this output was created. */
    double elapsedSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}
