package dev.deteval.eval.report;

import dev.deteval.eval.check.Element;
import dev.deteval.eval.check.Limit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class GateMarkdownWriterTest {

    @Test
    void write_failedGate_tableRowPerOutcome() throws Exception {
        StringBuilder out = new StringBuilder();
        GateMarkdownWriter.write(out, JUnitXmlWriterTest.sample());
        assertThat(out.toString()).startsWith("## Metric gate: FAILED\n\n"
                + "3 limits checked: 1 passed, 1 violated, 1 missing, 0 ignored.")
                .contains("| Result | Element | Limit | Value |\n|---|---|---|---|\n")
                .contains("| passed | dataset | AP ≥ 0.35 | 0.500 |\n")
                .contains("| **violated** | category person | AP ≥ 0.450 | 0.412 |\n")
                .contains("| **missing** | category truck | AP ≥ 0.1 | cannot be computed: the category has no"
                        + " ground truth |\n");
    }

    @Test
    void write_passedGate_saysPassed() throws Exception {
        StringBuilder out = new StringBuilder();
        GateMarkdownWriter.write(out, GateSamples.check(GateSamples.coco(0.5, 0.5, 0.5), null,
                "AP<=0.9"));
        assertThat(out.toString()).startsWith("## Metric gate: passed\n").contains("| passed | dataset | AP ≤ 0.9 | 0.500 |");
    }
}
