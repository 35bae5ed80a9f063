package dev.deteval.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Which way the packages of evaluator-core may depend on each other (issue 13, item 10): data flows down,
 * front-end ({@code cli}) → {@code gate} → readers ({@code io}, and {@code readahead}, which the front-end
 * starts and the gate takes from) and evaluators → {@code report}, and nothing climbs back. Read from the
 * sources' imports and fully qualified names, so it needs no library.
 */
final class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/dev/deteval/eval");
    private static final Pattern REFERENCE = Pattern.compile("dev\\.deteval\\.eval\\.(\\w+)\\.");

    private static final List<String> EVALUATORS = List.of("coco", "voc", "metric", "nms", "mask", "geometry", "data");

    /** Package → packages it must not use. */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "check", List.of("io", "readahead", "gate", "cli"),
            "io", List.of("check", "report", "readahead", "gate", "cli"),
            "report", List.of("readahead", "gate", "cli"),
            "readahead", List.of("check", "report", "gate", "cli"),
            "gate", List.of("cli"));

    @Test
    void packages_dependOnlyDownwards() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String own = MAIN.relativize(file).getName(0).toString();
                List<String> forbidden = new ArrayList<>(FORBIDDEN.getOrDefault(own, List.of()));
                if (EVALUATORS.contains(own)) {
                    forbidden.addAll(List.of("check", "report", "readahead", "gate", "cli", "io"));
                }
                Matcher m = REFERENCE.matcher(code(Files.readString(file)));
                while (m.find()) {
                    if (forbidden.contains(m.group(1))) {
                        violations.add(MAIN.relativize(file) + " uses " + m.group(1));
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void packages_checkAndIo_doNotKnowEachOther() throws IOException {
        assertThat(uses("check", "io")).isFalse();
        assertThat(uses("io", "check")).isFalse();
    }

    private static boolean uses(String from, String to) throws IOException {
        try (Stream<Path> files = Files.list(MAIN.resolve(from))) {
            for (Path f : files.toList()) {
                if (code(Files.readString(f)).contains("dev.deteval.eval." + to + ".")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The source without comments, so a Javadoc link does not count as a dependency. */
    private static String code(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }
}
