package dev.deteval.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.cli.Main;
import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.io.VocReader;
import dev.deteval.eval.voc.VocDataset;
import dev.deteval.eval.voc.VocEvaluator;
import dev.deteval.eval.voc.VocParams;
import dev.deteval.eval.voc.VocResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sample data of every protocol (issue 16 item 8): each command of docs/cli.md's "Sample data" section runs
 * as written and prints the output shown there, and the numbers are the ones samples/data/README.md works out
 * by hand.
 */
final class SampleDataCommandsTest {

    private static final Path DOCS = Path.of("../docs/cli.md");
    private static final Path VOC = Path.of("data/voc");
    private static final Path KEYPOINTS = Path.of("data/keypoints");

    private record Example(String command, String output) {
    }

    private record Run(int code, String out, String err) {
    }

    /** The sh blocks of the section, each with the plain block that follows it, if any. */
    private static List<Example> examples() throws IOException {
        String docs = Files.readString(DOCS);
        int start = docs.indexOf("### Sample data");
        String section = docs.substring(start, docs.indexOf("\n## ", start));
        Matcher m = Pattern.compile("(?s)```sh\\n(.*?)\\n```\\n(?:\\n[^`]*?\\n)?(?:\\n```\\n(.*?)```)?").matcher(section);
        List<Example> out = new ArrayList<>();
        while (m.find()) {
            out.add(new Example(m.group(1).strip(), m.group(2)));
        }
        return out;
    }

    private static Run run(String command) {
        String prefix = "java -jar evaluator-core/target/deteval.jar ";
        assertThat(command).startsWith(prefix);
        // the docs' paths are relative to the repository; the test runs in samples/
        String[] args = Arrays.stream(command.substring(prefix.length()).split(" +"))
                .map(a -> a.startsWith("samples/") ? "../" + a : a).toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void docs_sampleDataSection_hasACommandForEveryProtocol() throws IOException {
        List<String> commands = examples().stream().map(Example::command).toList();
        assertThat(commands).hasSize(3);
        // VOC and keypoints show their output
        assertThat(examples()).filteredOn(e -> e.output() != null).hasSize(2);
        assertThat(commands).anyMatch(c -> c.contains("samples/data/instances_val.json"))
                .anyMatch(c -> c.contains("--protocol voc07") && c.contains("samples/data/voc"))
                .anyMatch(c -> c.contains("--iou-type keypoints") && c.contains("samples/data/keypoints/"));
    }

    @Test
    void docs_sampleDataCommands_printTheOutputShown() throws IOException {
        for (Example e : examples()) {
            Run r = run(e.command());
            assertThat(r.code()).as(e.command()).isZero();
            assertThat(r.err()).as(e.command()).isEmpty();
            if (e.output() != null) {
                assertThat(r.out()).as(e.command()).isEqualTo(e.output());
            } else {
                assertThat(r.out()).as(e.command()).contains(" Average Precision  (AP) @[ IoU=0.50:0.95");
            }
        }
    }

    @Test
    void vocSample_devkit_apAsWorkedOutInTheReadme() {
        VocReader reader = new VocReader();
        VocDataset gt = reader.readGroundTruth(VOC);
        VocResult r = VocEvaluator.evaluate(gt, reader.readDetections(VOC.resolve("results"), gt),
                VocParams.defaults());
        // cat: precision 1 up to recall 1/2, 2/3 up to recall 1; dog: precision 1 up to recall 1/2
        assertThat(r.classResult("cat").ap07()).isCloseTo((6 * 1 + 5 * 2.0 / 3) / 11, within());
        assertThat(r.classResult("cat").ap10()).isCloseTo(0.5 * 1 + 0.5 * 2.0 / 3, within());
        assertThat(r.classResult("dog").ap07()).isCloseTo(6.0 / 11, within());
        assertThat(r.classResult("dog").ap10()).isCloseTo(0.5, within());
        assertThat(r.map07()).isCloseTo((28.0 / 33 + 6.0 / 11) / 2, within());
        assertThat(r.map10()).isCloseTo((5.0 / 6 + 0.5) / 2, within());
        // the difficult cat is neither a positive nor, when detected, a false positive
        assertThat(r.classResult("cat").npos()).isEqualTo(2);
        assertThat(r.classResult("cat").fp()).isEqualTo(1);
    }

    @Test
    void keypointSample_oks_apAsWorkedOutInTheReadme() {
        CocoJsonReader reader = new CocoJsonReader(IouType.KEYPOINTS);
        GroundTruth gt = reader.readGroundTruth(KEYPOINTS.resolve("person_keypoints_val.json"));
        CocoResult r = CocoEvaluator.evaluate(gt, reader.readResults(KEYPOINTS.resolve("keypoint_results.json"), gt),
                CocoParams.builder(CocoMode.COMPAT).optIouType(IouType.KEYPOINTS).build());
        // OKS exp(-1/3) = 0.7165: both people found at thresholds .50-.70, one at .75-.95 (51 of 101 recall points)
        assertThat(Math.exp(-1.0 / 3)).isBetween(0.70, 0.75);
        assertThat(r.summary().ap()).isCloseTo((5 * 1 + 5 * 51.0 / 101) / 10, within());
        assertThat(r.summary().ap50()).isCloseTo(1.0, within());
        assertThat(r.summary().ap75()).isCloseTo(51.0 / 101, within());
        assertThat(r.summary().stat("AR")).isCloseTo((5 * 1 + 5 * 0.5) / 10, within());
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-12);
    }
}
