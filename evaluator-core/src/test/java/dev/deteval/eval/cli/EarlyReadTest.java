package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.conformance.ConformanceCase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which command lines have their inputs read before picocli runs. */
class EarlyReadTest {

    @Test
    void of_cocoEvalOfTwoJsonFilesInEitherForm_thoseFilesAndType() {
        assertThat(EarlyRead.of(new String[] {"eval", "--gt", "g.json", "--dt", "d.json", "--format", "json"}))
                .isEqualTo(new EarlyRead.Inputs(Path.of("g.json"), Path.of("d.json"), IouType.BBOX));
        assertThat(EarlyRead.of(new String[] {"eval", "--iou-type", "segm", "--gt=g.JSON", "--dt=d.json",
            "--protocol", "coco"})).isEqualTo(new EarlyRead.Inputs(Path.of("g.JSON"), Path.of("d.json"), IouType.SEGM));
        assertThat(EarlyRead.of(new String[] {"eval", "--gt", "g.json", "--dt", "d.json", "--iou-type=keypoints"}))
                .isEqualTo(new EarlyRead.Inputs(Path.of("g.json"), Path.of("d.json"), IouType.KEYPOINTS));
    }

    @Test
    void of_otherReaderTypeCommandOrMissingInput_null() {
        String[][] others = {
            {"eval", "--gt", "g.json", "--dt", "d.json", "--protocol", "lvis"},
            {"eval", "--gt", "g.json", "--dt", "d.json", "--protocol=voc07"},
            {"eval", "--gt", "g.json", "--dt", "d.json", "--params", "p.json"},
            {"eval", "--gt", "data.yaml", "--dt", "preds", "--split", "val"},
            {"eval", "--gt", "g.json", "--dt", "d.json", "--image-set", "test"},
            {"eval", "--gt", "g.json", "--dt", "-"},
            {"eval", "--gt", "g.json", "--dt"},
            {"eval", "--gt", "g.json"},
            {"compare", "--gt", "g.json", "--dt", "d.json"},
            {},
        };
        for (String[] args : others) {
            assertThat(EarlyRead.of(args)).as(String.join(" ", args)).isNull();
        }
    }

    @Test
    void main_masksReadAheadInItsOwnProcess_samePrintoutAsReadByTheGate() throws Exception {
        ConformanceCase masks = ConformanceCase.all().stream()
                .filter(c -> c.name().equals("segm_random_s32_i90_c5")).findFirst().orElseThrow();
        String[] args = {"eval", "--gt", masks.gt().toString(), "--dt", masks.dt().toString(), "--iou-type", "segm",
            "--format", "json"};
        StringWriter inProcess = new StringWriter();
        int code = Main.run(args, new PrintWriter(inProcess), new PrintWriter(new StringWriter()));

        JavaProcess.Result process = JavaProcess.run(List.of(), null, args);

        assertThat(EarlyRead.of(args)).as("read ahead in main").isNotNull();
        assertThat(process.code()).isEqualTo(code).isZero();
        assertThat(process.out()).isEqualTo(inProcess.toString()).contains("\"AP\"");
    }
}
