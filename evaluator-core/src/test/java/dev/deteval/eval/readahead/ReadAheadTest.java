package dev.deteval.eval.readahead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.conformance.ConformanceCase;
import dev.deteval.eval.gate.Gate;
import dev.deteval.eval.gate.GateOutcome;
import dev.deteval.eval.gate.GateRequest;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.io.InputException;
import dev.deteval.eval.report.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a COCO evaluation's files before the request exists, and handing them to the gate. */
final class ReadAheadTest {

    private static final ConformanceCase BOXES = ConformanceCase.all().stream()
            .filter(c -> c.name().equals("random_s2_i100_c5")).findFirst().orElseThrow();
    private static final ConformanceCase MASKS = ConformanceCase.all().stream()
            .filter(c -> c.name().equals("segm_random_s31_i40_c3")).findFirst().orElseThrow();

    @AfterEach
    void nothingLeft() {
        // a test that leaves a read ahead would hand it to the next test's gate: take it away
        ReadAhead.take(BOXES.gt(), BOXES.dt(), IouType.BBOX);
    }

    @Test
    void take_sameFilesAndType_whatTheReaderReads() {
        assertThat(ReadAhead.start(MASKS.gt(), MASKS.dt(), IouType.SEGM)).isTrue();

        Optional<ReadAhead.Done> done = ReadAhead.take(MASKS.gt().toAbsolutePath(), MASKS.dt(), IouType.SEGM);

        assertThat(done).isPresent();
        CocoJsonReader.Inputs direct = new CocoJsonReader(IouType.SEGM).readBoth(MASKS.gt(), MASKS.dt());
        assertThat(done.get().inputs().detections().size()).isEqualTo(direct.detections().size()).isPositive();
        assertThat(done.get().inputs().groundTruth().annotationCount())
                .isEqualTo(direct.groundTruth().annotationCount());
        assertThat(ReadAhead.take(MASKS.gt(), MASKS.dt(), IouType.SEGM)).as("handed out once").isEmpty();
    }

    @Test
    void take_otherTypeOrFiles_emptyAndGivenUp() {
        ReadAhead.start(MASKS.gt(), MASKS.dt(), IouType.SEGM);
        assertThat(ReadAhead.take(MASKS.gt(), MASKS.dt(), IouType.BBOX)).isEmpty();

        ReadAhead.start(MASKS.gt(), MASKS.dt(), IouType.SEGM);
        assertThat(ReadAhead.take(BOXES.gt(), MASKS.dt(), IouType.SEGM)).isEmpty();
        assertThat(ReadAhead.take(MASKS.gt(), MASKS.dt(), IouType.SEGM)).as("given up by the first take").isEmpty();
    }

    @Test
    void take_fileChangedSinceStart_empty(@TempDir Path dir) throws Exception {
        Path gt = Files.copy(BOXES.gt(), dir.resolve("gt.json"));
        Path dt = Files.copy(BOXES.dt(), dir.resolve("dt.json"));
        ReadAhead.start(gt, dt, IouType.BBOX);

        Files.setLastModifiedTime(dt, FileTime.fromMillis(Files.getLastModifiedTime(dt).toMillis() + 5_000));

        assertThat(ReadAhead.take(gt, dt, IouType.BBOX)).isEmpty();
    }

    @Test
    void start_missingFileOrFolder_false(@TempDir Path dir) {
        assertThat(ReadAhead.start(dir.resolve("missing.json"), BOXES.dt(), IouType.BBOX)).isFalse();
        assertThat(ReadAhead.start(BOXES.gt(), dir, IouType.BBOX)).isFalse();
        assertThat(ReadAhead.take(BOXES.gt(), BOXES.dt(), IouType.BBOX)).isEmpty();
    }

    @Test
    void run_readAheadOfItsFiles_takenAndSameReport() {
        GateOutcome without = Gate.run(GateRequest.builder(BOXES.gt(), BOXES.dt()).build());
        ReadAhead.start(BOXES.gt(), BOXES.dt(), IouType.BBOX);

        GateOutcome with = Gate.run(GateRequest.builder(BOXES.gt(), BOXES.dt()).build());

        assertThat(with.render(ReportFormat.JSON)).isEqualTo(without.render(ReportFormat.JSON));
        // the gate took it: had it not, this take would get it
        assertThat(ReadAhead.take(BOXES.gt(), BOXES.dt(), IouType.BBOX)).isEmpty();
    }

    @Test
    void run_readAheadOfMalformedResults_gateReportsTheErrorAsWithout(@TempDir Path dir) throws Exception {
        Path dt = Files.writeString(dir.resolve("dt.json"),
                "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 1, 1], \"score\": }]");
        String expected = null;
        try {
            Gate.run(GateRequest.builder(BOXES.gt(), dt).build());
        } catch (InputException e) {
            expected = e.getMessage();
        }
        assertThat(expected).startsWith(dt.toString());
        ReadAhead.start(BOXES.gt(), dt, IouType.BBOX);

        assertThatThrownBy(() -> Gate.run(GateRequest.builder(BOXES.gt(), dt).build()))
                .isInstanceOf(InputException.class).hasMessage(expected);
    }
}
