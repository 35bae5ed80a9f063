package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
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
            assertThat(print(commands)).isNotEqualTo(before).contains("*.*");
        } finally {
            // the test JVM runs on with C2: take the directive off again
            ManagementFactory.getPlatformMBeanServer().invoke(commands, "compilerDirectivesRemove",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        }
        assertThat(print(commands)).isEqualTo(before);
    }

    private static String print(ObjectName commands) throws Exception {
        return String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(commands, "compilerDirectivesPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()}));
    }
}
