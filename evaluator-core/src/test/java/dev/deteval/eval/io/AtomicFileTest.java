package dev.deteval.eval.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, problem 6: every file deteval writes is complete or absent, and only regular files are replaced. */
final class AtomicFileTest {

    @TempDir
    Path dir;

    private static void text(Path target, String content) {
        AtomicFile.write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static String folderListing(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().toString();
        }
    }

    @Test
    void write_newFile_getsTheUmaskPermissionsOfAnyNewFile() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain")); // what the umask gives a new file
        Path target = dir.resolve("new.json");

        text(target, "[]");

        assertThat(Files.readString(target)).isEqualTo("[]");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void write_existingRegularFile_keepsItsPermissions() throws IOException {
        Path target = Files.writeString(dir.resolve("report.json"), "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));

        text(target, "new");

        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
    }

    @Test
    void write_symbolicLink_refusedAndLinkKept() throws IOException {
        Path real = Files.writeString(dir.resolve("real.json"), "real");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);

        assertThatThrownBy(() -> text(link, "new")).isInstanceOf(OutputException.class)
                .hasMessage(link + ": is a symbolic link; refusing to replace it (name a new or regular file)");

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("real");
    }

    @Test
    void write_deviceNode_refused() {
        Path device = Path.of("/dev/null");

        assertThatThrownBy(() -> text(device, "x")).isInstanceOf(OutputException.class)
                .hasMessageContaining("is not a regular file");

        assertThat(Files.isRegularFile(device, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void write_contentFails_oldFileKeptAndNoTemporaryFileLeft() throws IOException {
        Path target = Files.writeString(dir.resolve("report.json"), "old");

        assertThatThrownBy(() -> AtomicFile.write(target, out -> {
            out.write('x');
            throw new IOException("No space left on device");
        })).isInstanceOf(OutputException.class)
                .hasMessage(target + ": cannot be written: No space left on device");

        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(folderListing(dir)).isEqualTo("[report.json]");
    }

    @Test
    void write_missingFolder_namesIt() {
        Path target = dir.resolve("missing/report.json");

        assertThatThrownBy(() -> text(target, "x")).isInstanceOf(OutputException.class)
                .hasMessage(target + ": cannot be written: folder " + dir.resolve("missing") + " does not exist");
    }

    @Test
    void open_notCommitted_leavesNothing() throws IOException {
        try (AtomicFile.Pending pending = AtomicFile.open(dir.resolve("a.json"))) {
            pending.stream().write('x');
        }

        assertThat(folderListing(dir)).isEqualTo("[]");
    }
}
