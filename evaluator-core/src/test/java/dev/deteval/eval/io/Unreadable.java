package dev.deteval.eval.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A regular file that this process is not allowed to read. Permissions stop an ordinary user; root, as in
 * CI, reads past them, but not another process's memory without ptrace rights ({@code /proc/1/mem}).
 */
final class Unreadable {

    private Unreadable() {
    }

    static Path file(Path dir) throws IOException {
        Path locked = Files.writeString(dir.resolve("locked.xml"), "<annotation/>");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        for (Path candidate : new Path[] {locked, Path.of("/proc/1/mem")}) {
            try (InputStream in = Files.newInputStream(candidate)) {
                in.read();
            } catch (AccessDeniedException e) {
                return candidate;
            } catch (IOException e) {
                // readable, or failing for another reason: try the next
            }
        }
        throw new AssertionError("found no file this process may not read (neither a mode 000 file nor /proc/1/mem)");
    }
}
