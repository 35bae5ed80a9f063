package dev.deteval.eval.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Counts entries left out because their class is not evaluated, and words the warning. */
final class SkippedClasses {

    private final Map<String, Integer> counts = new LinkedHashMap<>();

    void add(String className) {
        counts.merge(className, 1, Integer::sum);
    }

    /** Adds a warning to {@code warnings} when anything was skipped. */
    void report(List<String> warnings, String source, String what) {
        if (counts.isEmpty()) {
            return;
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        String detail = counts.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
        warnings.add(source + ": " + total + " " + what + " of classes that are not evaluated were skipped: " + detail);
    }
}
