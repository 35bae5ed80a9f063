package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShortRunCompilerTest {

    @TempDir
    Path dir;

    private String json(String name, long bytes) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(bytes);
        }
        return file.toString();
    }

    @Test
    void applies_smallJsonInputsInEitherForm_true() throws IOException {
        String gt = json("gt.json", 1000);
        String dt = json("dt.json", 2000);

        assertThat(ShortRunCompiler.applies(new String[] {"eval", "--gt", gt, "--dt", dt}, null)).isTrue();
        assertThat(ShortRunCompiler.applies(new String[] {"eval", "--gt=" + gt, "--dt=" + dt, "--html", "r.html"},
                "")).isTrue();
    }

    @Test
    void applies_inputsTogetherOverTheLimit_false() throws IOException {
        String gt = json("gt.json", ShortRunCompiler.LIMIT_BYTES / 2);
        String dt = json("dt.json", ShortRunCompiler.LIMIT_BYTES / 2 + 1);

        assertThat(ShortRunCompiler.applies(new String[] {"eval", "--gt", gt, "--dt", dt}, null)).isFalse();
    }

    @Test
    void applies_settingFull_false() throws IOException {
        String gt = json("gt.json", 10);
        String dt = json("dt.json", 10);

        assertThat(ShortRunCompiler.applies(new String[] {"eval", "--gt", gt, "--dt", dt}, "FULL")).isFalse();
    }

    @Test
    void applies_settingC1JvmStartedWithoutC2_false() throws IOException {
        String gt = json("gt.json", 10);
        String dt = json("dt.json", 10);
        String[] args = {"eval", "--gt", gt, "--dt", dt};

        assertThat(ShortRunCompiler.applies(args, "c1")).isFalse();
        assertThat(ShortRunCompiler.applies(args, "C1")).isFalse();
        assertThat(ShortRunCompiler.applies(args, "other")).isTrue();
    }

    @Test
    void applies_bootstrapAsked_false() throws IOException {
        String gt = json("gt.json", 10);
        String dt = json("dt.json", 10);

        for (String option : new String[] {"--ci=0.9", "--resamples=10", "--baseline-dt=" + dt}) {
            assertThat(ShortRunCompiler.applies(new String[] {"eval", "--gt", gt, "--dt", dt, option}, null))
                    .as(option).isFalse();
        }
    }

    @Test
    void applies_pipeFolderOtherFormatMissingOrOtherCommand_false() throws IOException {
        String gt = json("gt.json", 10);
        String dt = json("dt.json", 10);
        Path yaml = Files.writeString(dir.resolve("data.yaml"), "names: [a]\n");
        Files.createDirectory(dir.resolve("folder.json"));

        assertThat(ShortRunCompiler.applies(new String[] {"eval", "--gt", gt, "--dt", "/dev/stdin"}, null)).isFalse();
        assertThat(ShortRunCompiler.applies(new String[] {"eval", "--gt", yaml.toString(), "--dt", dt}, null))
                .isFalse();
        assertThat(ShortRunCompiler.applies(new String[] {"eval", "--gt", dir.resolve("folder.json").toString(),
            "--dt", dt}, null)).isFalse();
        assertThat(ShortRunCompiler.applies(new String[] {"eval", "--gt", gt, "--dt", dir.resolve("no.json")
            .toString()}, null)).isFalse();
        assertThat(ShortRunCompiler.applies(new String[] {"eval", "--gt", gt}, null)).isFalse();
        assertThat(ShortRunCompiler.applies(new String[] {"compare", "--gt", gt, "--dt", dt}, null)).isFalse();
        assertThat(ShortRunCompiler.applies(new String[] {}, null)).isFalse();
    }

    @Test
    void addDirective_onHotSpot_directiveInstalledAndRemovable() throws Exception {
        ObjectName commands = new ObjectName("com.sun.management:type=DiagnosticCommand");
        String before = print(commands);

        boolean added = ShortRunCompiler.addDirective();
        try {
            assertThat(added).isTrue();
            assertThat(print(commands)).isNotEqualTo(before).contains("*.*").contains("RleDecoder.decode");
        } finally {
            // the test JVM runs on with C2: take the directives off again (the file holds two; each remove
            // takes the newest)
            for (int i = 0; i < 2; i++) {
                ManagementFactory.getPlatformMBeanServer().invoke(commands, "compilerDirectivesRemove",
                        new Object[] {new String[0]}, new String[] {String[].class.getName()});
            }
        }
        assertThat(print(commands)).isEqualTo(before);
    }

    @Test
    void addDirectly_packageNotOpenToTests_falseAndNothingAdded() throws Exception {
        ObjectName commands = new ObjectName("com.sun.management:type=DiagnosticCommand");
        String before = print(commands);
        Path file = dir.resolve("directive.json");
        Files.writeString(file, "[{ match: \"*.*\", c2: { Exclude: true } }]");

        assertThat(ShortRunCompiler.addDirectly(file)).isFalse();
        assertThat(print(commands)).isEqualTo(before);
    }

    @Test
    void addDirectly_packageOpenAsTheJarManifestDoes_installedBeforeAnyMBeanServer() throws Exception {
        Path openLog = dir.resolve("open.log");
        String open = probe(List.of("--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
                "-Xlog:class+load=info:file=" + openLog));
        String closed = probe(List.of());

        // the probe prints the JVM's directives through the MBean server, after adding them
        assertThat(open).contains("directly true").contains("*.*");
        List<String> loaded = Files.readAllLines(openLog);
        int bean = indexOf(loaded, "com.sun.management.internal.DiagnosticCommandImpl ");
        int server = indexOf(loaded, "com.sun.jmx.mbeanserver.JmxMBeanServer ");
        assertThat(bean).as("bean loaded").isNotNegative();
        assertThat(server).as("server loaded only to print, after the bean took the directive").isGreaterThan(bean);
        assertThat(closed).contains("directly false");
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    /** What {@link DirectlyProbe} printed in a JVM of its own with {@code options}. */
    private static String probe(List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DirectlyProbe.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("probe finished").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** Adds the directive directly, prints whether that worked, then the JVM's directives. */
    static final class DirectlyProbe {
        public static void main(String[] args) throws Exception {
            Path file = Files.createTempFile("probe", ".json");
            Files.writeString(file, "[{ match: \"*.*\", c2: { Exclude: true } }]");
            boolean directly = ShortRunCompiler.addDirectly(file);
            Files.delete(file);
            System.out.println("directly " + directly);
            System.out.println(print(new ObjectName("com.sun.management:type=DiagnosticCommand")));
        }
    }

    private static String print(ObjectName commands) throws Exception {
        return String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(commands, "compilerDirectivesPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()}));
    }
}
