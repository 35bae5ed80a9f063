package dev.deteval.eval.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens the files the readers are given, and words why one cannot be read. */
final class InputFiles {

    private InputFiles() {
    }

    /** A buffered stream on {@code file}; a directory or an unreadable file is an {@link InputException}. */
    static InputStream open(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputException(file.toString(), "", "is a directory, expected a JSON file");
        }
        try {
            return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** Why {@code file} cannot be read, as an input error naming it. */
    static InputException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new InputException(file.toString(), "", "file not found", e);
        }
        if (e instanceof AccessDeniedException) {
            return new InputException(file.toString(), "", "cannot be read: permission denied", e);
        }
        if (e instanceof FileSystemException fse) {
            String reason = fse.getReason() != null ? fse.getReason() : fse.getMessage();
            return new InputException(file.toString(), "", "cannot be read: " + reason, e);
        }
        return new InputException(file.toString(), "", "cannot be read: " + e.getMessage(), e);
    }
}
