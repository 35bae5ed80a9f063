package dev.deteval.eval.readahead;

import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.io.CocoJsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the two files of a COCO evaluation before the request that needs them exists, so that reading overlaps
 * whatever the caller does first. The command line starts it as soon as its arguments name a COCO evaluation of
 * two regular JSON files, and builds its command model (about 0.1 s of one core) meanwhile.
 *
 * <p>A later {@code gate.Gate#run} whose request reads exactly these files (same paths, unchanged size and
 * modification time) with the same {@link IouType} and COCO's reader takes what was read instead of reading
 * again; any other request, or a read that failed (bad input, not enough memory), reads as usual, so every
 * error is reported from the request's own read, at its exact place. One read ahead at a time per process; it is
 * handed out once, so nothing is kept after the request has it.
 */
public final class ReadAhead {

    private static final AtomicReference<ReadAhead> PENDING = new AtomicReference<>();

    private final Key key;
    private final CompletableFuture<Done> done;

    private ReadAhead(Key key, CompletableFuture<Done> done) {
        this.key = key;
        this.done = done;
    }

    /** The files, as absolute paths with their size and modification time, and the type they are read as. */
    private record Key(Path groundTruth, Path results, IouType type, Stamp groundTruthStamp, Stamp resultsStamp) {
    }

    /** A regular file's size and modification time (in the file system's resolution). */
    private record Stamp(long size, long modified) {
        static Stamp of(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                throw new IOException("not a regular file: " + file);
            }
            return new Stamp(a.size(), a.lastModifiedTime().toMillis());
        }

        /**
         * Whether {@code other} has the same size and modification time. Compared field by field: a record's
         * generated {@code equals} links method handles on its first call, about 20 ms of CPU in a new process.
         */
        boolean sameAs(Stamp other) {
            return size == other.size && modified == other.modified;
        }
    }

    /**
     * What was read, and the reader that read it (its warnings; the baseline's detections read with it).
     *
     * @param reader the reader that read the files
     * @param inputs the ground truth and detections it read
     */
    public record Done(CocoJsonReader reader, CocoJsonReader.Inputs inputs) {
    }

    /**
     * Starts reading {@code groundTruth} and {@code results} as COCO JSON of {@code type} on a daemon thread,
     * replacing any read ahead not yet taken.
     *
     * @return false, starting nothing, unless both are regular files (a pipe can be read only once)
     */
    public static boolean start(Path groundTruth, Path results, IouType type) {
        Key key;
        try {
            Path gt = groundTruth.toAbsolutePath().normalize();
            Path dt = results.toAbsolutePath().normalize();
            key = new Key(gt, dt, type, Stamp.of(gt), Stamp.of(dt));
        } catch (IOException | RuntimeException e) {
            return false;
        }
        CompletableFuture<Done> done = CompletableFuture.supplyAsync(() -> {
            CocoJsonReader reader = new CocoJsonReader(type);
            return new Done(reader, reader.readBoth(key.groundTruth(), key.results()));
        }, task -> {
            Thread thread = new Thread(task, "deteval-read-ahead");
            thread.setDaemon(true);
            thread.start();
        });
        PENDING.set(new ReadAhead(key, done));
        return true;
    }

    /**
     * What was read ahead for exactly these files and type, when they are unchanged since and the read
     * succeeded (waiting for it to finish); else empty, and the caller reads them itself. Either way the read
     * ahead is given up.
     */
    public static Optional<Done> take(Path groundTruth, Path results, IouType type) {
        ReadAhead pending = PENDING.getAndSet(null);
        if (pending == null) {
            return Optional.empty();
        }
        try {
            Key key = pending.key;
            Path gt = groundTruth.toAbsolutePath().normalize();
            Path dt = results.toAbsolutePath().normalize();
            if (!key.groundTruth().equals(gt) || !key.results().equals(dt) || key.type() != type) {
                return Optional.empty();
            }
            Done done = pending.done.join();
            // changed while being read: read again, as the request would have read it now
            boolean unchanged = Stamp.of(gt).sameAs(key.groundTruthStamp()) && Stamp.of(dt).sameAs(key.resultsStamp());
            return unchanged ? Optional.of(done) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // the read failed (join wraps whatever it threw, memory running out included): the request's own
            // read reports it, at its exact place
            return Optional.empty();
        }
    }
}
