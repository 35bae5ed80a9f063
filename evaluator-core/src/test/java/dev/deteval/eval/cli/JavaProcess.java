package dev.deteval.eval.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link Main} in a separate JVM, as {@code java -jar deteval.jar} would, for what only a real process
 * shows: its exit code after {@code System.exit}, a heap limit, a standard output that fails.
 */
final class JavaProcess {

    /** What a run printed and returned. */
    record Result(int code, String out, String err) {
    }

    private JavaProcess() {
    }

    /**
     * Runs {@code Main} with {@code jvmOptions} (e.g. {@code -Xmx32m}) and {@code args}; standard output
     * goes to {@code stdout} when not null (a file or device such as {@code /dev/full}), else is captured.
     */
    static Result run(List<String> jvmOptions, File stdout, String... args) throws IOException, InterruptedException {
        Path outFile = Files.createTempFile("deteval-out", ".txt");
        Path errFile = Files.createTempFile("deteval-err", ".txt");
        try {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(Main.class.getName());
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command)
                    .redirectOutput(stdout != null ? stdout : outFile.toFile())
                    .redirectError(errFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("deteval did not finish within 5 minutes: " + command);
            }
            return new Result(p.exitValue(), Files.readString(outFile, StandardCharsets.UTF_8),
                    Files.readString(errFile, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(outFile);
            Files.deleteIfExists(errFile);
        }
    }
}
