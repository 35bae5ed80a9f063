package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The command-line jar that {@code mvn package} builds ({@code target/deteval.jar}): what its manifest must say
 * for {@code java -jar} to start {@link Main} and let {@link ShortRunCompiler} hand its directive to the JDK
 * directly (ShortRunCompilerTest checks what that opening allows, in a JVM of its own).
 */
class ShadedJarManifestIT {

    @Test
    void manifest_builtJar_namesMainAndOpensTheDiagnosticCommandPackage() throws IOException {
        try (JarFile jar = new JarFile(Path.of("target", "deteval.jar").toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();

            assertThat(main.getValue("Main-Class")).isEqualTo(Main.class.getName());
            assertThat(main.getValue("Add-Opens")).isEqualTo("jdk.management/com.sun.management.internal");
        }
    }
}
