package dev.deteval.eval.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way deteval writes a file. The content goes to a temporary file in the target's folder, is
 * flushed to the disk, and only then replaces the target in one rename; so a reader of the target sees
 * either the old file or the complete new one, never a partial one, and a failed write leaves the old
 * file untouched and no temporary file behind.
 *
 * <ul>
 *   <li>Every write error surfaces as an {@link OutputException} naming the target (a full disk, a
 *       closed stream); nothing is swallowed as {@link java.io.PrintWriter} would.</li>
 *   <li>A target that exists and is not a regular file (a symbolic link, a folder, a device node, a
 *       pipe) is refused rather than replaced.</li>
 *   <li>A new file gets the permissions the process's umask gives; a replaced regular file keeps its
 *       own.</li>
 * </ul>
 *
 * <p>Use {@link #write(Path, Content)} for one file, or {@link #open(Path)} to write several files in one
 * pass and {@link Pending#commit()} each when all are complete.
 */
public final class AtomicFile {

    /** What to write; may throw {@link IOException}, which becomes an {@link OutputException}. */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content to {@code out} (do not close it). */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes {@code content} to {@code target} atomically. */
    public static void write(Path target, Content content) {
        try (Pending pending = open(target)) {
            try {
                content.writeTo(pending.stream());
            } catch (IOException e) {
                throw failure(target, e);
            }
            pending.commit();
        }
    }

    /** Opens a temporary file for {@code target}; write to {@link Pending#stream()}, then commit. */
    public static Pending open(Path target) {
        Path absolute = target.toAbsolutePath();
        Set<PosixFilePermission> kept = checkedPermissions(target, absolute);
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new OutputException(target.toString(), "cannot be written: folder " + folder
                    + (folder != null && Files.exists(folder) ? " is not a folder" : " does not exist"), null);
        }
        for (int attempt = 0; ; attempt++) {
            Path temp = folder.resolve("." + absolute.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
            try {
                // no permission attribute: the file system applies the umask to 0666, as for any new file
                FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return new Pending(target, temp, channel, kept);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw failure(target, e);
                }
            } catch (IOException e) {
                throw failure(target, e);
            }
        }
    }

    /**
     * Refuses a target that exists but is not a regular file, and returns the permissions of one that is
     * (null when there is none or the file system has no POSIX permissions).
     */
    private static Set<PosixFilePermission> checkedPermissions(Path target, Path absolute) {
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
            String kind = Files.isSymbolicLink(absolute) ? "a symbolic link"
                    : Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS) ? "a folder" : "not a regular file";
            throw new OutputException(target.toString(), "is " + kind + "; refusing to replace it (name a new or"
                    + " regular file)", null);
        }
        try {
            return Files.getPosixFilePermissions(absolute, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IOException e) {
            return null;
        }
    }

    /**
     * Creates {@code folder} and its parents when missing.
     *
     * @throws OutputException when it is a file or cannot be created
     */
    public static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw new OutputException(folder.toString(), "is a file, but a folder is needed here", e);
        } catch (IOException e) {
            OutputException failure = failure(folder, e);
            throw new OutputException(folder.toString(), failure.problem().replace("cannot be written",
                    "cannot create the folder"), e);
        }
    }

    /** {@code e} as an output error naming {@code target}, with the operating system's reason. */
    public static OutputException failure(Path target, IOException e) {
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            reason = "its folder does not exist";
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            reason = fse.getReason();
        } else {
            reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        return new OutputException(target.toString(), "cannot be written: " + reason, e);
    }

    /**
     * A temporary file on its way to becoming the target. {@link #close()} without {@link #commit()}
     * deletes it and leaves the target as it was.
     */
    public static final class Pending implements AutoCloseable {
        private final Path target;
        private final Path temp;
        private final FileChannel channel;
        private final Set<PosixFilePermission> permissions;
        private final OutputStream stream;
        private boolean done;

        private Pending(Path target, Path temp, FileChannel channel, Set<PosixFilePermission> permissions) {
            this.target = target;
            this.temp = temp;
            this.channel = channel;
            this.permissions = permissions;
            this.stream = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16) {
                @Override
                public void close() throws IOException {
                    flush(); // the channel stays open until commit or close
                }
            };
        }

        /** Where to write the content; buffered; closing it only flushes. */
        public OutputStream stream() {
            return stream;
        }

        /** Flushes the content to the disk and moves it into place. */
        public void commit() {
            try {
                stream.flush();
                channel.force(true);
                channel.close();
                if (permissions != null) {
                    Files.setPosixFilePermissions(temp, permissions);
                }
                move();
                done = true;
            } catch (IOException e) {
                throw failure(target, e);
            }
        }

        private void move() throws IOException {
            Path absolute = target.toAbsolutePath();
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        /** Deletes the temporary file unless it was committed. */
        @Override
        public void close() {
            if (done) {
                return;
            }
            done = true;
            try {
                channel.close();
            } catch (IOException e) {
                // the file is deleted below; nothing was promised about it
            }
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // a stray hidden temporary file is all that is left; the target is untouched
            }
        }
    }
}
