package dev.deteval.eval.cli;

import java.io.PrintWriter;

/** Prints the wall time of successive phases when enabled ({@code --timing}). */
final class PhaseTimer {

    private final PrintWriter err;
    private long last = System.nanoTime();

    /** @param err where to print, or null to stay silent */
    PhaseTimer(PrintWriter err) {
        this.err = err;
    }

    void lap(String phase) {
        long now = System.nanoTime();
        if (err != null) {
            err.printf("deteval: timing: %-18s %8.1f ms%n", phase, (now - last) / 1e6);
            err.flush();
        }
        last = now;
    }
}
