package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.conformance.ConformanceCase;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script that {@code mvn package} puts next to the jar ({@code target/deteval}), run as a user
 * runs it: same output and exit codes as {@code java -jar deteval.jar}, the class-data archive written once and
 * used after, the short-run settings chosen exactly where the jar's own {@link ShortRunCompiler} applies.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("target", "deteval").toAbsolutePath();
    private static final Path JAR = Path.of("target", "deteval.jar").toAbsolutePath();
    private static final ConformanceCase MASKS = ConformanceCase.all().stream()
            .filter(c -> c.name().equals("segm_random_s32_i90_c5")).findFirst().orElseThrow();

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        builder.environment().remove("DETEVAL_JIT");
        builder.environment().remove("DETEVAL_CDS");
        builder.environment().remove("DETEVAL_JAVA_OPTS");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        Process p = builder.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished: " + command).isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Run launcher(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
        command.addAll(List.of(args));
        return run(env, command);
    }

    private Run jar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return run(Map.of(), command);
    }

    private List<Path> archives() throws IOException {
        Path cache = dir.resolve("cache").resolve("deteval");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.toList();
        }
    }

    @Test
    void launcher_shortEval_sameAsJarWithArchiveWrittenThenUsed() throws Exception {
        String[] args = {"eval", "--gt", MASKS.gt().toString(), "--dt", MASKS.dt().toString(), "--iou-type", "segm",
            "--format", "json"};
        Run expected = jar(args);

        Run first = launcher(Map.of(), args);
        List<Path> written = archives();
        Run second = launcher(Map.of(), args);
        Run command = launcher(Map.of("DETEVAL_LAUNCHER_PRINT", "1"), args);

        assertThat(expected.code()).isZero();
        for (Run r : List.of(first, second)) {
            assertThat(r.code()).isZero();
            assertThat(r.out()).isEqualTo(expected.out());
            assertThat(r.err()).isEmpty();
        }
        assertThat(written).singleElement().asString().endsWith(".jsa");
        assertThat(archives()).isEqualTo(written);
        assertThat(command.out().lines()).contains("-XX:SharedArchiveFile=" + written.get(0),
                "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Ddeteval.jit=c1", "-jar", JAR.toString());
    }

    @Test
    void launcher_firstRunsNotEval_noArchiveUntilTheFirstEval() throws Exception {
        String[] eval = {"eval", "--gt", MASKS.gt().toString(), "--dt", MASKS.dt().toString(), "--iou-type", "segm"};

        Run version = launcher(Map.of(), "--version");
        Run help = launcher(Map.of(), "--help");
        List<Path> before = archives();
        assertThat(launcher(Map.of(), eval).code()).isZero();
        List<Path> after = archives();
        List<String> versionAfter = launcher(Map.of("DETEVAL_LAUNCHER_PRINT", "1"), "--version").out().lines()
                .toList();

        assertThat(version.code()).isZero();
        assertThat(help.code()).isZero();
        assertThat(before).isEmpty();
        assertThat(after).singleElement().asString().endsWith(".jsa");
        assertThat(versionAfter).contains("-XX:SharedArchiveFile=" + after.get(0));
    }

    @Test
    void launcher_badInputAndViolatedRule_sameExitAndMessageAsJar() throws Exception {
        String[] missing = {"eval", "--gt", MASKS.gt().toString(), "--dt", dir.resolve("none.json").toString()};
        String[] violated = {"eval", "--gt", MASKS.gt().toString(), "--dt", MASKS.dt().toString(), "--iou-type",
            "segm", "--rule", "AP>=0.999"};

        for (String[] args : List.of(missing, violated)) {
            Run expected = jar(args);
            Run actual = launcher(Map.of(), args);

            assertThat(actual.code()).isEqualTo(expected.code()).isIn(1, 2);
            assertThat(actual.out()).isEqualTo(expected.out());
            assertThat(actual.err()).isEqualTo(expected.err());
        }
    }

    @Test
    void launcher_shortRunSettings_exactlyWhereShortRunCompilerApplies() throws Exception {
        String small = sized("small.json", 1_000);
        String other = sized("other.json", 2_000);
        String half = sized("half.json", ShortRunCompiler.LIMIT_BYTES / 2);
        String overHalf = sized("over.json", ShortRunCompiler.LIMIT_BYTES / 2 + 1);
        String yaml = sized("data.yaml", 100);
        String[][] cases = {
            {"eval", "--gt", small, "--dt", other},
            {"eval", "--gt=" + small, "--dt=" + other, "--html", "r.html"},
            {"eval", "--gt", half, "--dt", half},
            {"eval", "--gt", half, "--dt", overHalf},
            {"eval", "--gt", small, "--dt", other, "--ci", "0.95"},
            {"eval", "--gt", small, "--dt", other, "--resamples=100"},
            {"eval", "--gt", small, "--dt", other, "--baseline-dt", other},
            {"eval", "--gt", yaml, "--dt", other},
            {"eval", "--gt", small, "--dt", dir.toString()},
            {"eval", "--gt", small, "--dt", dir.resolve("missing.json").toString()},
            {"eval", "--gt", small},
            {"compare", "--gt", small, "--dt", other},
            {"--version"},
        };
        for (String[] args : cases) {
            List<String> command = launcher(Map.of("DETEVAL_LAUNCHER_PRINT", "1"), args).out().lines().toList();

            assertThat(command.contains("-XX:TieredStopAtLevel=1")).as(String.join(" ", args))
                    .isEqualTo(ShortRunCompiler.applies(args, null));
            assertThat(command.contains("-Ddeteval.jit=c1")).as(String.join(" ", args))
                    .isEqualTo(ShortRunCompiler.applies(args, null));
            assertThat(command.subList(command.indexOf("-jar") + 2, command.size())).containsExactly(args);
        }
        List<String> full = launcher(Map.of("DETEVAL_LAUNCHER_PRINT", "1", "DETEVAL_JIT", "full"),
                "eval", "--gt", small, "--dt", other).out().lines().toList();
        assertThat(full).doesNotContain("-XX:TieredStopAtLevel=1");
    }

    @Test
    void launcher_archiveOlderThanJarOrSwitchedOff_writtenAgainOrNone() throws Exception {
        String[] args = {"eval", "--gt", MASKS.gt().toString(), "--dt", MASKS.dt().toString(), "--iou-type", "segm"};
        assertThat(launcher(Map.of(), args).code()).isZero();
        Path archive = archives().get(0);
        Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(JAR).toMillis() - 60_000));

        List<String> stale = launcher(Map.of("DETEVAL_LAUNCHER_PRINT", "1"), args).out().lines().toList();
        List<String> off = launcher(Map.of("DETEVAL_LAUNCHER_PRINT", "1", "DETEVAL_CDS", "off"), args).out().lines()
                .toList();

        assertThat(stale).anyMatch(word -> word.startsWith("-XX:ArchiveClassesAtExit=" + archive + "."));
        assertThat(off).noneMatch(word -> word.contains("Archive"));
    }

    @Test
    void launcher_brokenArchive_runsAsWithoutAndSaysNothing() throws Exception {
        String[] args = {"eval", "--gt", MASKS.gt().toString(), "--dt", MASKS.dt().toString(), "--iou-type", "segm"};
        Run expected = jar(args);
        assertThat(launcher(Map.of(), args).code()).isZero();
        Path archive = archives().get(0);
        archive.toFile().setWritable(true);
        Files.writeString(archive, "not an archive");
        Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(JAR).toMillis() + 60_000));

        Run actual = launcher(Map.of(), args);

        assertThat(actual.code()).isZero();
        assertThat(actual.out()).isEqualTo(expected.out());
        assertThat(actual.err()).isEmpty();
    }

    private String sized(String name, long bytes) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(bytes);
        }
        return file.toString();
    }
}
