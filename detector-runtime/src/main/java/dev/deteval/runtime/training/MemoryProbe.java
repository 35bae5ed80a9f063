package dev.deteval.runtime.training;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a long run holds: the live native arrays under a manager (its own and its sub-managers') and the
 * process's resident set size (Linux {@code /proc/self/status}, VmRSS; -1 elsewhere).
 */
public final class MemoryProbe {

    private static final Path STATUS = Path.of("/proc/self/status");

    private MemoryProbe() {
    }

    /** Live arrays under a manager, sub-managers included. */
    public static int liveArrays(NDManager manager) {
        return manager.getManagedArrays().size();
    }

    /** Resident set size in MiB, or -1 when the platform does not say. */
    public static long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** One log line: live arrays under {@code manager} and the resident set size. */
    static String line(int step, NDManager manager) {
        return String.format(Locale.ROOT, "memory at step %d: %d live NDArrays, RSS %d MiB", step,
                liveArrays(manager), residentMegabytes());
    }
}
