package dev.deteval.eval.cli;

import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Warms the JIT for {@code eval} while picocli starts. Building the command model takes the main thread
 * about 0.15–0.2 s, during which the second core has little to do. A daemon thread spends that time
 * reading a small COCO data set shipped in the jar ({@code warmup/instances.json} and
 * {@code warmup/detections.json}: {@code deteval synth --images 20 --seed 2026}) with the readers the
 * evaluation is about to use, again and again for at most {@value #BUDGET_MILLIS} ms. For
 * {@code --iou-type keypoints} it reads a small person-keypoints data set instead
 * ({@code warmup/keypoints-*.json}: {@code deteval synth --keypoints --images 40 --seed 2026}), whose
 * arrays of numbers take a path of their own through the readers.
 *
 * <p>Why it pays on a 2-core machine: Jackson's tokenizer and the readers are then compiled before the
 * real files are opened, with a profile that has already seen ground truth and result lists, the end of
 * an input and the first tokens of fresh parsers. Without it, each of these first shows up in the middle
 * of the real parse, and the single C2 compiler thread throws away and recompiles the tokenizer three to
 * four times (about 0.15 s of compiling each) while the parsing threads wait in slower code. The
 * measurements are in {@code docs/benchmarks.md}.
 *
 * <p>For {@code --iou-type segm} the data set is {@code warmup/segm-instances.json} and
 * {@code warmup/segm-detections.json} ({@code deteval synth --segm --images 10 --seed 2026}), read as masks:
 * polygon rasterisation and RLE decoding are then compiled before the real files, where they otherwise
 * start in the interpreter on the first of many thousand masks.
 *
 * <p>The thread reads its own copies of the data and keeps nothing: it cannot change what the command
 * computes or prints. It is not started for help or version requests, for VOC, or on a single core.
 */
final class JitWarmup {

    /** After this many milliseconds the warm-up starts no new round (the first round always runs). */
    static final long BUDGET_MILLIS = 250;

    private static final String GROUND_TRUTH = "warmup/instances.json";
    private static final String RESULTS = "warmup/detections.json";
    private static final String KEYPOINT_GROUND_TRUTH = "warmup/keypoints-instances.json";
    private static final String KEYPOINT_RESULTS = "warmup/keypoints-detections.json";
    private static final String SEGM_GROUND_TRUTH = "warmup/segm-instances.json";
    private static final String SEGM_RESULTS = "warmup/segm-detections.json";
    private static final Set<String> NOT_COCO_EVAL = Set.of("-h", "--help", "-V", "--version", "voc07", "voc12",
            "--protocol=voc07", "--protocol=voc12");

    private final byte[] groundTruth;
    private final byte[] results;
    private final IouType type;

    private JitWarmup(byte[] groundTruth, byte[] results, IouType type) {
        this.groundTruth = groundTruth;
        this.results = results;
        this.type = type;
    }

    /** The warm-up over the box data set in the jar. */
    static JitWarmup embedded() {
        return embedded(IouType.BBOX);
    }

    /**
     * The warm-up for evaluations of {@code type}: the keypoints data set for keypoints, the mask data set
     * for segm, else the box data set.
     */
    static JitWarmup embedded(IouType type) {
        if (type == IouType.KEYPOINTS) {
            return new JitWarmup(resource(KEYPOINT_GROUND_TRUTH), resource(KEYPOINT_RESULTS), type);
        }
        if (type == IouType.SEGM) {
            return new JitWarmup(resource(SEGM_GROUND_TRUTH), resource(SEGM_RESULTS), type);
        }
        return new JitWarmup(resource(GROUND_TRUTH), resource(RESULTS), IouType.BBOX);
    }

    /**
     * The {@code --iou-type} that {@code args} ask for, as far as the warm-up cares: keypoints, segm, or bbox
     * for anything else (a misspelt value is the command's to report).
     */
    static IouType typeOf(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String value = args[i].startsWith("--iou-type=") ? args[i].substring("--iou-type=".length())
                    : args[i].equals("--iou-type") && i + 1 < args.length ? args[i + 1] : null;
            if ("keypoints".equals(value)) {
                return IouType.KEYPOINTS;
            }
            if ("segm".equals(value)) {
                return IouType.SEGM;
            }
        }
        return IouType.BBOX;
    }

    /**
     * Whether {@code args} ask for a COCO evaluation that the warm-up helps, on a machine with a core to
     * spare.
     */
    static boolean helps(String[] args, int processors) {
        if (processors < 2 || args.length == 0 || !args[0].equals("eval")) {
            return false;
        }
        for (String arg : args) {
            if (NOT_COCO_EVAL.contains(arg)) {
                return false;
            }
        }
        return true;
    }

    /** Starts the warm-up on a daemon thread when {@link #helps} says so; otherwise does nothing. */
    static void startFor(String[] args) {
        if (!helps(args, Runtime.getRuntime().availableProcessors())) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                embedded(typeOf(args)).run(BUDGET_MILLIS * 1_000_000L);
            } catch (RuntimeException | OutOfMemoryError e) {
                // only a warm-up: the evaluation reads its own files and reports its own errors
            }
        }, "deteval-jit-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Reads the data set repeatedly until {@code budgetNanos} have passed (at least once).
     *
     * @return the number of rounds
     */
    int run(long budgetNanos) {
        long end = System.nanoTime() + budgetNanos;
        int rounds = 0;
        do {
            round();
            rounds++;
        } while (System.nanoTime() - end < 0);
        return rounds;
    }

    /** One read of the ground truth and of the results against it; returns the results read. */
    Detections round() {
        CocoJsonReader reader = new CocoJsonReader(type);
        GroundTruth gt = reader.readGroundTruth(groundTruth, type == IouType.KEYPOINTS ? KEYPOINT_GROUND_TRUTH
                : type == IouType.SEGM ? SEGM_GROUND_TRUTH : GROUND_TRUTH);
        return reader.readResults(results, type == IouType.KEYPOINTS ? KEYPOINT_RESULTS
                : type == IouType.SEGM ? SEGM_RESULTS : RESULTS, gt);
    }

    private static byte[] resource(String name) {
        try (InputStream in = JitWarmup.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
