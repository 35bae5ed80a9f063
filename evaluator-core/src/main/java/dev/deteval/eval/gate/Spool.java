package dev.deteval.eval.gate;

import dev.deteval.eval.io.InputException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes every input a regular file the readers can read more than once and in parallel windows: a pipe,
 * {@code /dev/stdin} or a process substitution ({@code <(…)}) is copied once to a temporary file, which
 * {@link #close()} deletes; regular files and folders are used where they are, so files over 2 GiB are
 * still read in windows. Errors about a copy name the original path.
 */
final class Spool implements AutoCloseable {

    private final Map<Path, Path> copies = new HashMap<>();
    private final List<Path> temporary = new ArrayList<>();

    /** The path to read for {@code input}: itself, or a copy of what a pipe delivered. Null stays null. */
    Path regular(Path input) {
        if (input == null || Files.isRegularFile(input) || Files.isDirectory(input) || !Files.exists(input)) {
            return input;
        }
        return copies.computeIfAbsent(input, this::copy);
    }

    private Path copy(Path input) {
        try (InputStream in = new FileInputStream(input.toFile())) {
            Path temp = Files.createTempFile("deteval-input-", ".tmp");
            temporary.add(temp);
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            return temp;
        } catch (IOException e) {
            throw new InputException(input.toString(), "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * {@code e} with the original input's name where it names a copy: as its source, or in its problem
     * (a message about the results may name the ground truth).
     */
    InputException rename(InputException e) {
        String source = e.source();
        String problem = e.problem();
        for (Map.Entry<Path, Path> c : copies.entrySet()) {
            String copy = c.getValue().toString();
            if (source.equals(copy)) {
                source = c.getKey().toString();
            }
            problem = problem.replace(copy, c.getKey().toString());
        }
        if (source.equals(e.source()) && problem.equals(e.problem())) {
            return e;
        }
        InputException renamed = new InputException(source, e.location(), problem, e.getCause());
        renamed.setStackTrace(e.getStackTrace());
        return renamed;
    }

    /** Deletes the copies. */
    @Override
    public void close() {
        for (Path p : temporary) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                p.toFile().deleteOnExit();
            }
        }
    }
}
