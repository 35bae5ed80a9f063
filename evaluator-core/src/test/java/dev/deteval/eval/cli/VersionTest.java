package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13 item 5: {@code --version} printed "dev" from the jar; it reads the build's descriptor now. */
final class VersionTest {

    @Test
    void of_jarWithMavenDescriptor_givesItsVersion(@TempDir Path dir) throws Exception {
        Path descriptor = dir.resolve(Version.DESCRIPTOR);
        Files.createDirectories(descriptor.getParent());
        Files.writeString(descriptor, "groupId=dev.deteval\nartifactId=evaluator-core\nversion=1.2.3\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(Version.of(loader)).isEqualTo("1.2.3");
        }
    }

    @Test
    void of_noDescriptorNorManifest_givesDev(@TempDir Path dir) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(Version.of(loader)).isEqualTo("dev");
        }
    }
}
