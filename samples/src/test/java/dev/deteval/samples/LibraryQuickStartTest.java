package dev.deteval.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class LibraryQuickStartTest {

    private static final Path SOURCE = Path.of("src/main/java/dev/deteval/samples/LibraryQuickStart.java");

    @Test
    void readme_librarySnippet_isTheSampleCodeWithItsImportsAndCoordinates() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        String source = Files.readString(SOURCE);
        Matcher block = Pattern.compile("(?s)## Library use.*?```java\\n(.*?)```").matcher(readme);
        assertThat(block.find()).as("a java block under '## Library use'").isTrue();
        String snippet = block.group(1);

        String body = source.substring(source.indexOf("// README begin") + "// README begin".length(),
                source.indexOf("// README end"));
        for (String line : body.strip().lines().map(String::strip).toList()) {
            assertThat(snippet).as("README shows the sample's line").contains(line.replace("groundTruthFile",
                    "Path.of(\"instances_val.json\")").replace("resultsFile", "Path.of(\"detections.json\")"));
        }
        List<String> imports = source.lines().filter(l -> l.startsWith("import dev.deteval")).toList();
        assertThat(imports).isNotEmpty();
        for (String line : imports) {
            assertThat(snippet).contains(line);
        }
        assertThat(readme).contains("<groupId>dev.deteval</groupId>", "<artifactId>evaluator-core</artifactId>");
    }

    @Test
    void ap_sampleData_equalsEvaluatorsHeadline() {
        Path gtFile = Path.of("data/instances_val.json");
        Path dtFile = Path.of("data/detections.json");
        CocoJsonReader reader = new CocoJsonReader();
        GroundTruth gt = reader.readGroundTruth(gtFile);

        assertThat(LibraryQuickStart.ap(gtFile, dtFile))
                .isEqualTo(CocoEvaluator.evaluate(gt, reader.readResults(dtFile, gt)).summary().ap());
    }
}
