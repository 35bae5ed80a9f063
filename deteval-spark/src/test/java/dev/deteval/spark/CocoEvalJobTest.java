package dev.deteval.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.report.CocoTextReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example job prints what the CLI's text report prints for the same files. */
final class CocoEvalJobTest {

    @Test
    void run_sampleDataSet_printsTheSingleMachineReport() {
        Path dir = Path.of(System.getProperty("deteval.samples", "../samples/data"));
        Path gt = dir.resolve("instances_val.json");
        Path dt = dir.resolve("detections.json");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        CocoEvalJob.run(LocalSpark.get(), new String[] {gt.toUri().toString(), dt.toUri().toString()},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        CocoJsonReader reader = new CocoJsonReader();
        var truth = reader.readGroundTruth(gt);
        String expected = CocoTextReport.render(CocoEvaluator.evaluate(truth, reader.readResults(dt, truth)));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(expected)
                .contains("Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ]");
    }
}
