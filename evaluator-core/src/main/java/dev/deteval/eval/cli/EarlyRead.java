package dev.deteval.eval.cli;

import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.readahead.ReadAhead;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Starts reading an {@code eval} command's input files ({@link ReadAhead}) from the raw arguments, before
 * picocli has built its command model: on two cores the files are half read by the time the command runs.
 *
 * <p>Only for what the COCO reader would read anyway: {@code eval} with {@code --gt} and {@code --dt} naming
 * {@code .json} files, read as the {@code --iou-type} given (boxes without one), and none of the options that
 * choose another reader or type ({@code --protocol} other than {@code coco}, {@code --params}, {@code --split},
 * {@code --image-set}). A guess that does not hold (a misspelt option, say) costs the read and changes nothing:
 * the gate takes what was read only for the same files and type, and reads itself otherwise.
 */
final class EarlyRead {

    private static final Set<String> OTHER_READER = Set.of("--params", "--split", "--image-set");
    private static final Set<String> VALUED = Set.of("--gt", "--dt", "--protocol");

    private EarlyRead() {
    }

    /** The inputs and type that {@code args} ask COCO's reader for, or null when they ask for anything else. */
    record Inputs(Path groundTruth, Path results, IouType type) {
    }

    /** What {@code args} would have the COCO reader read, or null. */
    static Inputs of(String[] args) {
        if (args.length == 0 || !args[0].equals("eval")) {
            return null;
        }
        String gt = null;
        String dt = null;
        for (RawOptions.Option option : RawOptions.of(args, VALUED)) {
            if (OTHER_READER.contains(option.name())) {
                return null;
            }
            if (!VALUED.contains(option.name())) {
                continue;
            }
            if (option.value() == null) {
                return null;
            }
            switch (option.name()) {
                case "--gt" -> gt = option.value();
                case "--dt" -> dt = option.value();
                default -> {
                    if (!option.value().equals("coco")) {
                        return null;
                    }
                }
            }
        }
        if (!json(gt) || !json(dt)) {
            return null;
        }
        try {
            return new Inputs(Path.of(gt), Path.of(dt), JitWarmup.typeOf(args));
        } catch (RuntimeException e) {
            return null; // not a path: the command reports it
        }
    }

    private static boolean json(String value) {
        return value != null && value.toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /** Starts the read when {@link #of} finds one; returns whether it started. */
    static boolean startFor(String[] args) {
        Inputs inputs = of(args);
        return inputs != null && ReadAhead.start(inputs.groundTruth(), inputs.results(), inputs.type());
    }
}
