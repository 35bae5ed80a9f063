package dev.deteval.eval.io;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A folder of files that appears whole or not at all: the files are written (each with {@link AtomicFile})
 * into a hidden sibling folder, which {@link #commit()} renames to the target in one step. A target that
 * exists must be an empty folder (it is replaced); anything else is refused before a byte is written.
 * {@link #close()} without a commit deletes the staging folder, so a failed conversion leaves nothing.
 */
final class StagedFolder implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private boolean committed;

    private StagedFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Creates the staging folder beside {@code target}. */
    static StagedFolder create(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        requireAbsentOrEmpty(target, absolute);
        Path parent = absolute.getParent();
        AtomicFile.createFolder(parent);
        Path staging = parent.resolve("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
        try {
            Files.createDirectory(staging);
        } catch (IOException e) {
            throw AtomicFile.failure(target, e);
        }
        return new StagedFolder(absolute, staging);
    }

    private static void requireAbsentOrEmpty(Path target, Path absolute) {
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputException(target.toString(), "exists and is not a folder; name a new or empty folder",
                    null);
        }
        try (Stream<Path> files = Files.list(absolute)) {
            if (files.findAny().isPresent()) {
                throw new OutputException(target.toString(), "is a folder that is not empty; refusing to mix"
                        + " converted files with others (name a new or empty folder)", null);
            }
        } catch (IOException e) {
            throw AtomicFile.failure(target, e);
        }
    }

    /** The path of {@code relative} inside the staging folder, its folders created. */
    Path file(String relative) {
        Path file = staging.resolve(relative).normalize();
        if (!file.startsWith(staging)) {
            throw new IllegalArgumentException("'" + relative + "' leaves the output folder");
        }
        AtomicFile.createFolder(file.getParent());
        return file;
    }

    /** Renames the staging folder to the target (replacing an empty target folder). */
    void commit() {
        try {
            Files.deleteIfExists(target); // an empty folder, checked at creation
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        } catch (DirectoryNotEmptyException e) {
            throw new OutputException(target.toString(), "became a folder that is not empty while converting", e);
        } catch (IOException e) {
            throw AtomicFile.failure(target, e);
        }
    }

    /** Deletes the staging folder unless committed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: the staging folder is hidden and named as such
        }
    }
}
