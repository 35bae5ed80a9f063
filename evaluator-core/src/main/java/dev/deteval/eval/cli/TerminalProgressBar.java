package dev.deteval.eval.cli;

import dev.deteval.eval.coco.EvaluationProgress;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar (me.tongfei:progressbar) redrawn in place on a terminal: one bar per task, an
 * indeterminate one when the task's size is unknown. Thread-safe: categories step it from the fork-join
 * pool.
 */
final class TerminalProgressBar implements EvaluationProgress {

    private final PrintStream out;
    private final int width;
    private ProgressBar bar;

    /**
     * @param out where the bar is drawn (standard error)
     * @param width the bar's width in characters, or 0 to ask the terminal
     */
    TerminalProgressBar(PrintStream out, int width) {
        this.out = out;
        this.width = width;
    }

    @Override
    public synchronized void start(String task, long total) {
        close();
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).setConsumer(width > 0
                        ? new ConsoleProgressBarConsumer(out, width) : new ConsoleProgressBarConsumer(out));
        if (total > 0) {
            b.showSpeed();
        }
        bar = b.build();
    }

    @Override
    public void step() {
        ProgressBar b;
        synchronized (this) {
            b = bar;
        }
        if (b != null) {
            b.step();
        }
    }

    @Override
    public synchronized void finish() {
        close();
    }

    private void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
