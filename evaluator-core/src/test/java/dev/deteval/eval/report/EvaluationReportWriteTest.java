package dev.deteval.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.check.CheckResult;
import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A report written to a stream (the JSON report as it is generated) is the rendered report, byte for byte. */
final class EvaluationReportWriteTest {

    private static final GroundTruth GT = GroundTruth.builder().addImage(1).addCategory(1, "caf\u00e9")
            .addAnnotation(1, 1, 1, 0, 0, 10, 10, 100, false, false).build();
    private static final Detections DT = Detections.builder().add(1, 1, 0, 0, 10, 10, 0.9)
            .add(1, 1, 50, 50, 10, 10, 0.3).build();

    @Test
    void write_everyFormatWithAndWithoutGate_sameAsRenderAndWriterLeftOpen() throws IOException {
        CocoResult result = CocoEvaluator.evaluate(GT, DT);
        EvaluationReport report = EvaluationReport.coco(result, List.of("a warning"));
        for (CheckResult gate : Arrays.asList(null, new CheckResult(List.of()))) {
            for (ReportFormat f : ReportFormat.values()) {
                String rendered = report.render(f, gate);
                if (f != ReportFormat.JUNIT && f != ReportFormat.HTML) {
                    // a PrintWriter drops what is written after it is closed: the report must leave it open
                    StringWriter text = new StringWriter();
                    PrintWriter out = new PrintWriter(text);
                    report.write(f, gate, out);
                    out.write("after");
                    assertThat(out.checkError()).isFalse();
                    assertThat(text.toString()).as(f.name()).isEqualTo(rendered + "after");
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                report.write(f, gate, bytes);
                assertThat(bytes.toString(StandardCharsets.UTF_8)).as(f.name()).isEqualTo(rendered);
            }
        }
    }
}
