package dev.deteval.eval.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.deteval.eval.check.Protocol;
import dev.deteval.eval.check.RuleSyntax;
import dev.deteval.eval.conformance.ConformanceCase;
import dev.deteval.eval.io.InputException;
import dev.deteval.eval.report.ReportFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One call runs a gate; inputs may be pipes (issue 13, items 5 and 10). */
final class GateTest {

    private static final ConformanceCase CASE = ConformanceCase.all().stream()
            .filter(c -> c.name().equals("random_s2_i100_c5")).findFirst().orElseThrow();

    /** A named pipe that a thread fills with {@code text} once a reader opens it. */
    private static Path fifo(Path dir, String name, byte[] content) throws Exception {
        Path fifo = dir.resolve(name);
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available");
            return null;
        }
        assumeTrue(p.waitFor() == 0, "mkfifo failed");
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(content);
            } catch (IOException e) {
                // the reader went away; the test reports what it got
            }
        });
        writer.setDaemon(true);
        writer.start();
        return fifo;
    }

    @Test
    void run_paramsAndGroundTruthFromPipes_sameAsFiles(@TempDir Path dir) throws Exception {
        Path params = fifo(dir, "params", "{\"maxDets\": [1, 10, 300]}".getBytes(StandardCharsets.UTF_8));
        Path gt = fifo(dir, "gt", Files.readAllBytes(CASE.gt()));

        GateOutcome piped = Gate.run(GateRequest.builder(gt, CASE.dt()).optParams(params).build());
        GateOutcome files = Gate.run(GateRequest.builder(CASE.gt(), CASE.dt()).optMaxDets(1, 10, 300).build());

        assertThat(piped.render(ReportFormat.JSON)).isEqualTo(files.render(ReportFormat.JSON));
    }

    @Test
    void run_malformedPipe_errorNamesThePipe(@TempDir Path dir) throws Exception {
        Path params = fifo(dir, "params", "{\"maxDets\": [1, 10,".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Gate.run(GateRequest.builder(CASE.gt(), CASE.dt()).optParams(params).build()))
                .isInstanceOf(InputException.class).hasMessageStartingWith(params + ": ");
    }

    /** The results' message names the ground truth as given, not the temporary copy of the pipe. */
    @Test
    void run_idTypeMismatchWithGroundTruthFromPipe_messageNamesThePipe(@TempDir Path dir) throws Exception {
        Path gt = fifo(dir, "gt", ("{\"images\": [{\"id\": \"a\"}], \"categories\": [{\"id\": 1}],"
                + " \"annotations\": []}").getBytes(StandardCharsets.UTF_8));
        Path dt = Files.writeString(dir.resolve("dt.json"),
                "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 1, 1], \"score\": 1}]");

        assertThatThrownBy(() -> Gate.run(GateRequest.builder(gt, dt).build()))
                .isInstanceOf(InputException.class).hasMessageStartingWith(dt + ": [0].image_id")
                .hasMessageContaining("but the ground truth " + gt + " names its images by strings");
    }

    @Test
    void run_withOutputFolder_writesRequestedReports(@TempDir Path dir) {
        GateOutcome outcome = Gate.run(GateRequest.builder(CASE.gt(), CASE.dt())
                .optRules(List.of(RuleSyntax.parse("AP>=0.99")))
                .optReports(dir, EnumSet.of(ReportFormat.JSON, ReportFormat.JUNIT)).build());

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.files()).containsExactly(dir.resolve("report.json"), dir.resolve("TEST-deteval.xml"));
        assertThat(dir.resolve("report.md")).doesNotExist();
    }

    @Test
    void build_cocoParamsWithVoc_isConfigurationError() {
        assertThatThrownBy(() -> GateRequest.builder(CASE.gt(), CASE.dt())
                .optProtocol(Protocol.VOC07).optMaxDets(1, 10).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not apply to protocol voc07");
    }
}
