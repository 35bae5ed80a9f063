package dev.deteval.eval.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The project version for {@code --version}: from the Maven descriptor the jar carries
 * ({@value #DESCRIPTOR}, written by the build), else the jar manifest, else {@code dev} (run from
 * compiled classes).
 */
final class Version implements IVersionProvider {

    /** Where the build puts the artifact's coordinates inside the jar. */
    static final String DESCRIPTOR = "META-INF/maven/dev.deteval/evaluator-core/pom.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"deteval " + of(Version.class.getClassLoader())};
    }

    /** The version found through {@code loader}. */
    static String of(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(DESCRIPTOR)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v.trim();
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
