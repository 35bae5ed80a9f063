package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.synth.SyntheticCoco;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, problems 1 to 3: what the process does at its edges. Out of memory and a standard output that
 * cannot be written are exit code 2 with one line saying what happened, never 0 or 1 and never a stack
 * trace; {@code synth} never leaves partial files and refuses impossible sizes before it starts.
 */
final class ProcessBoundaryTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(PrintWriter out, String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(args, out, new PrintWriter(err));
        return new Run(code, "", err.toString());
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path sample(int images) {
        Path data = dir.resolve("synth" + images);
        new SyntheticCoco(images, 1).write(data);
        return data;
    }

    @Test
    void eval_standardOutputFails_exitTwoWithOneLine() {
        Path data = sample(20);
        PrintWriter broken = new PrintWriter(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        });

        Run r = run(broken, "eval", "--gt", data.resolve("instances.json").toString(), "--dt",
                data.resolve("detections.json").toString(), "--format", "json");

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().lines()).containsExactly(Main.STDOUT_FAILED);
    }

    @Test
    void eval_standardOutputIsDevFull_exitTwo() throws Exception {
        Path data = sample(20);

        JavaProcess.Result r = JavaProcess.run(List.of(), new File("/dev/full"), "eval", "--gt",
                data.resolve("instances.json").toString(), "--dt", data.resolve("detections.json").toString(),
                "--format", "json");

        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().lines()).containsExactly(Main.STDOUT_FAILED);
    }

    @Test
    void eval_heapTooSmall_exitTwoWithWhatToDo() throws Exception {
        // 3,000 images give about 270,000 detections: their columns alone need more than a 24 MiB heap
        Path data = sample(3000);

        JavaProcess.Result r = JavaProcess.run(List.of("-Xmx24m"), null, "eval", "--gt",
                data.resolve("instances.json").toString(), "--dt", data.resolve("detections.json").toString());

        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().lines()).singleElement().asString()
                .startsWith("deteval: error: out of memory")
                .contains("-Xmx");
        assertThat(r.err()).doesNotContain("\tat ", "Exception in thread");
    }

    @Test
    void synth_outNamesAFile_exitTwoAndFileKept() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "keep me");

        Run r = run("synth", "--images", "3", "--out", file.toString());

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().lines()).containsExactly("deteval: error: " + file
                + ": is a file, but a folder is needed here");
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void synth_folderCannotBeCreated_exitTwoWithOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "");
        Path below = file.resolve("data");

        Run r = run("synth", "--images", "3", "--out", below.toString());

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().lines()).singleElement().asString().startsWith("deteval: error: " + below
                + ": cannot create the folder");
    }

    @Test
    void synth_existingFilesAndFailure_leavesFolderAsItWas() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("instances.json"), "old");
        Files.createDirectory(out.resolve("detections.json")); // a folder where a file must go: the write fails

        Run r = run("synth", "--images", "3", "--out", out.toString());

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().lines()).singleElement().asString().contains("detections.json: is a folder");
        assertThat(Files.readString(out.resolve("instances.json"))).isEqualTo("old");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("instances.json",
                    "detections.json");
        }
    }

    @Test
    void synth_moreImagesThanTheLimit_exitTwoBeforeWriting() {
        Run r = run("synth", "--images", "2147483647", "--out", dir.resolve("big").toString());

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().lines()).containsExactly("deteval: error: --images must be between 1 and "
                + SyntheticCoco.MAX_IMAGES + ", got 2147483647");
        assertThat(dir.resolve("big")).doesNotExist();
    }

    @Test
    void synth_newFiles_writtenCompletely() throws IOException {
        Path out = dir.resolve("fresh");

        Run r = run("synth", "--images", "5", "--out", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("instances.json"))).endsWith("]}");
        assertThat(Files.readString(out.resolve("detections.json"))).endsWith("]");
        try (var files = Files.list(out)) {
            assertThat(files).hasSize(2);
        }
    }

    /** A 2 GiB file of zero bytes that takes no disk space ({@code truncate -s 2G}). */
    private Path sparse2GiB(String name) throws IOException {
        Path file = dir.resolve(name);
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(2L << 30);
        }
        return file;
    }

    @Test
    void eval_sparse2GiBResults_exitTwoMalformedNotOutOfMemory() throws IOException {
        Path data = sample(5);
        Path big = sparse2GiB("dt.json");

        Run r = run("eval", "--gt", data.resolve("instances.json").toString(), "--dt", big.toString());

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().lines()).singleElement().asString().startsWith("deteval: error: " + big
                + ": line 1, column ").contains("malformed JSON");
    }

    @Test
    void eval_sparse2GiBGroundTruth_exitTwoMalformedNotOutOfMemory() throws IOException {
        Path data = sample(5);
        Path big = sparse2GiB("gt.json");

        Run r = run("eval", "--gt", big.toString(), "--dt", data.resolve("detections.json").toString());

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().lines()).singleElement().asString().startsWith("deteval: error: " + big
                + ": line 1, column ").contains("malformed JSON");
    }

    @Test
    void nms_sparse2GiBInput_exitTwoMalformedNotOutOfMemory() throws IOException {
        Path big = sparse2GiB("raw.json");

        Run r = run("nms", "--in", big.toString(), "--out", dir.resolve("kept.json").toString(), "--iou", "0.5");

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().lines()).singleElement().asString().startsWith("deteval: error: " + big
                + ": line 1, column ").contains("malformed JSON");
        assertThat(dir.resolve("kept.json")).doesNotExist();
    }
}
