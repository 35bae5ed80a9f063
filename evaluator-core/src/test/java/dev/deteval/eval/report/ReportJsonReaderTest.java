package dev.deteval.eval.report;

import dev.deteval.eval.io.InputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.check.MetricSnapshot;
import dev.deteval.eval.check.Protocol;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ReportJsonReaderTest {

    static final String COCO = """
            {"tool":"deteval","protocol":"coco","iouType":"bbox","mode":"compat","modeLabel":"pycocotools-compatible",
             "stats":{"AP":0.391,"AP50":0.554,"AP75":0.406,"APs":-1,"APm":-1,"APl":0.406,"AR1":0.2,"AR10":0.4,
                      "AR100":0.4,"ARs":-1,"ARm":-1,"ARl":0.4,"AR50":0.6,"AR75":0.4},
             "perCategory":[{"id":1,"name":"person","AP":0.5,"AP50":0.7,"AP75":0.4,"APs":-1,"APm":0.3,"APl":0.6,
                             "AR100":0.55},
                            {"id":3,"name":"car","AP":-1,"AP50":-1,"AP75":-1,"APs":-1,"APm":-1,"APl":-1,"AR100":-1}],
             "warnings":["something"],
             "gate":{"passed":true,"outcomes":[{"rule":1,"actual":null}]}}
            """;

    static MetricSnapshot read(String json) {
        return ReportJsonReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "report.json");
    }

    @Test
    void read_cocoReport_givesStatsAndRows() {
        MetricSnapshot s = read(COCO);
        assertThat(s.protocol()).isEqualTo(Protocol.COCO);
        assertThat(s.mode()).isEqualTo("compat");
        assertThat(s.datasetValue("AP")).isEqualTo(0.391);
        assertThat(s.datasetValue("APs")).isEqualTo(-1.0);
        assertThat(s.datasetValue("AR75")).isEqualTo(0.4);
        assertThat(s.categories()).hasSize(2);
        assertThat(s.categories().get(0).id()).isEqualTo(1);
        assertThat(s.categories().get(0).name()).isEqualTo("person");
        assertThat(s.categories().get(0).value("AR100")).isEqualTo(0.55);
        assertThat(s.categories().get(1).value("AP")).isEqualTo(-1.0);
    }

    @Test
    void read_cocoReportWithCustomMember_installedCustomMetricsJoinTheDatasetValues() {
        MetricSnapshot s = read(COCO.replace("\"warnings\"", "\"custom\":{\"APtime\":0.25,\"unknownThing\":1},"
                + "\"warnings\""));
        assertThat(s.datasetValue("APtime")).isEqualTo(0.25);
        assertThat(s.dataset()).doesNotContainKey("unknownThing");
        assertThat(s.datasetValue("AP")).isEqualTo(0.391);
    }

    @Test
    void read_vocReport_givesMapAndClassAp() {
        MetricSnapshot s = read("""
                {"tool":"deteval","protocol":"voc07","boxConvention":"inclusive","matchRule":"> 0.5","mAP":0.625,
                 "perClass":[{"name":"cat","AP":0.75,"npos":4,"ndet":5,"tp":3,"fp":2},{"name":"dog","AP":0.5,"npos":2}],
                 "warnings":[]}
                """);
        assertThat(s.protocol()).isEqualTo(Protocol.VOC07);
        assertThat(s.dataset()).containsOnlyKeys("mAP").containsEntry("mAP", 0.625);
        assertThat(s.categories()).extracting(MetricSnapshot.CategoryValues::name).containsExactly("cat", "dog");
        assertThat(s.categories().get(0).metrics()).containsOnlyKeys("AP");
    }

    @Test
    void read_nullValue_isMissing() {
        MetricSnapshot s = read(COCO.replace("\"AP\":0.391", "\"AP\":null"));
        assertThat(MetricSnapshot.isMissing(s.datasetValue("AP"))).isTrue();
    }

    @Test
    void read_missingFile_namesTheFile(@TempDir Path dir) {
        Path file = dir.resolve("baseline.json");
        assertThatThrownBy(() -> ReportJsonReader.read(file))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ": file not found");
    }

    @Test
    void read_file_readsIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("report.json"), COCO);
        assertThat(ReportJsonReader.read(file).datasetValue("AP50")).isEqualTo(0.554);
    }

    @Test
    void read_malformedJson_givesLineAndColumn() {
        assertThatThrownBy(() -> read("{\"protocol\":\"coco\",\n\"stats\":{\"AP\":0.3,}}"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("report.json: line 2, column")
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void read_wrongValueType_givesJsonPath() {
        assertThatThrownBy(() -> read(COCO.replace("\"AP50\":0.554", "\"AP50\":\"high\"")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("report.json: stats.AP50 (line 2, column")
                .hasMessageEndingWith("expected a number or null, got a string");
        assertThatThrownBy(() -> read(COCO.replace("\"AR100\":0.55", "\"AR100\":\"x\"")))
                .hasMessageContaining("perCategory[0].AR100");
    }

    @Test
    void read_notAReport_saysSo() {
        assertThatThrownBy(() -> read("[1, 2]")).hasMessageContaining("expected an object (a deteval JSON report)");
        assertThatThrownBy(() -> read("{\"images\":[]}"))
                .hasMessage("report.json: not a deteval report: no \"protocol\" member");
        assertThatThrownBy(() -> read("{\"tool\":\"other\",\"protocol\":\"coco\"}"))
                .hasMessageContaining("not a deteval report");
        assertThatThrownBy(() -> read("{\"protocol\":\"coco\"}"))
                .hasMessage("report.json: a coco report needs a \"stats\" member");
        assertThatThrownBy(() -> read("{\"protocol\":\"yolo\",\"stats\":{}}"))
                .hasMessageContaining("unknown protocol 'yolo'");
    }

    /** Issue 13 item 9: reports written before the names followed maxDets stay readable as baselines. */
    @Test
    void read_oldKeypointReport_perCategoryRecallIsAR20() {
        MetricSnapshot s = read("""
                {"tool":"deteval","protocol":"coco","iouType":"keypoints","mode":"compat",
                 "stats":{"AP":0.5,"AR":0.6},
                 "perCategory":[{"id":1,"name":"person","AP":0.5,"APs":-1,"AR100":0.7}]}
                """);
        assertThat(s.dataset()).containsEntry("AR", 0.6);
        assertThat(s.categories().get(0).metrics()).containsOnlyKeys("AP", "AR20").containsEntry("AR20", 0.7);
    }

    @Test
    void read_reportWithAR300_keepsTheName() {
        MetricSnapshot s = read("""
                {"tool":"deteval","protocol":"coco","iouType":"bbox","mode":"compat","maxDets":[1,10,300],
                 "stats":{"AP":-1,"AR300":0.6},
                 "perCategory":[{"id":1,"name":"person","AP":0.5,"AR300":0.7}]}
                """);
        assertThat(s.datasetValue("AR300")).isEqualTo(0.6);
        assertThat(s.categories().get(0).value("AR300")).isEqualTo(0.7);
    }
}
