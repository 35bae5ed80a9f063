package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.coco.EvaluationProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 item 7: a progress bar on a terminal only, never in CI logs or redirected output. */
final class ProgressDisplayTest {

    private static final long BIG = ProgressDisplay.MIN_BYTES;

    @Test
    void wanted_terminalBigInput_true() {
        assertThat(ProgressDisplay.wanted(true, Map.of("TERM", "xterm-256color"), BIG)).isTrue();
    }

    @Test
    void wanted_noConsole_false() {
        // output redirected to a file or a pipe: System.console() is null
        assertThat(ProgressDisplay.wanted(false, Map.of("TERM", "xterm"), BIG)).isFalse();
    }

    @Test
    void wanted_ci_false() {
        assertThat(ProgressDisplay.wanted(true, Map.of("CI", "true"), BIG)).isFalse();
    }

    @Test
    void wanted_dumbTerminal_false() {
        assertThat(ProgressDisplay.wanted(true, Map.of("TERM", "dumb"), BIG)).isFalse();
    }

    @Test
    void wanted_smallInput_false() {
        assertThat(ProgressDisplay.wanted(true, Map.of(), BIG - 1)).isFalse();
    }

    @Test
    void forInputs_testJvmWithoutConsole_showsNothing(@TempDir Path dir) throws Exception {
        // surefire's forked JVM has no console, as CI and redirected runs have none
        assertThat(System.console()).isNull();
        Path big = dir.resolve("big.json");
        try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(BIG);
        }
        assertThat(Files.size(big)).isEqualTo(BIG);
        assertThat(ProgressDisplay.forInputs(big, big)).isSameAs(EvaluationProgress.NONE);
    }

    @Test
    void terminalProgressBar_steps_drawsTheTaskAndItsCount() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgressBar bar = new TerminalProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), 80);
        bar.start("evaluate", 3);
        bar.step();
        bar.step();
        bar.step();
        bar.finish();
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertThat(drawn).contains("evaluate").contains("3/3");
    }
}
