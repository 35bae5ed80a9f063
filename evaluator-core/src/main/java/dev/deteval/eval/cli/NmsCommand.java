package dev.deteval.eval.cli;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.io.CocoResultsWriter;
import dev.deteval.eval.nms.Nms;
import dev.deteval.eval.nms.NmsConfig;
import dev.deteval.eval.nms.NmsResult;
import dev.deteval.eval.nms.Suppression;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code deteval nms}: non-maximum suppression on a COCO results list, per image and (unless
 * {@code --agnostic}) per category. Kept detections are written with all their fields, in input order;
 * soft-NMS replaces their scores.
 */
@Command(name = "nms", mixinStandardHelpOptions = true,
        description = {"Runs non-maximum suppression on a COCO results list, per image and per category.",
            "Writes the kept detections, with all their fields and in input order, as a JSON list.",
            "A box is suppressed when its IoU with a kept box is greater than --iou; on equal scores the"
                + " earlier detection wins."})
final class NmsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "RESULTS.json",
            description = "Raw detections: a COCO results JSON list (or an object with 'annotations').")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "OUT.json",
            description = "Where to write the kept detections (may be the input file).")
    Path out;

    @Option(names = "--iou", paramLabel = "T",
            description = "IoU threshold in [0, 1]: boxes overlapping a kept box by more are suppressed"
                    + " (soft-NMS linear: decayed). Required except with --soft gaussian, which decays every"
                    + " overlap and has no threshold.")
    Double iou;

    @Option(names = "--score", paramLabel = "S",
            description = "Drop detections scoring below S before NMS; with --soft also the floor for decayed"
                    + " scores (default: keep all).")
    Double score;

    @Option(names = "--top-k", paramLabel = "K", description = "Per image, only the K best detections take part.")
    Integer topK;

    @Option(names = "--max-dets", paramLabel = "N", description = "Per image, keep at most N detections.")
    Integer maxDets;

    @Option(names = "--agnostic", description = "Let detections of different categories suppress each other.")
    boolean agnostic;

    @Option(names = "--soft", paramLabel = "linear|gaussian",
            description = "Soft-NMS: decay scores instead of removing boxes (linear: s*(1-IoU) when IoU > T;"
                    + " gaussian: s*exp(-IoU^2/sigma)).")
    String soft;

    @Option(names = "--sigma", paramLabel = "SIGMA", description = "Gaussian soft-NMS parameter (default 0.5).")
    Double sigma;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;

    @Override
    public Integer call() {
        NmsConfig config = config();
        Detections detections = new CocoJsonReader().readResults(in, null);
        NmsResult kept = Nms.perImage(detections, config);
        boolean decayed = config.suppression() != Suppression.HARD;
        CocoResultsWriter.writeSubset(in, out, kept.indices(), decayed ? kept.scores() : null);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("deteval nms: kept " + kept.size() + " of " + detections.size() + " detections, wrote "
                + out);
        stdout.flush();
        return 0;
    }

    NmsConfig config() {
        Suppression suppression = soft == null ? Suppression.HARD : parseSoft(soft);
        if (iou == null && suppression != Suppression.GAUSSIAN) {
            throw new IllegalArgumentException("--iou T is required (except with --soft gaussian)");
        }
        // gaussian soft-NMS never reads the threshold
        NmsConfig.Builder b = NmsConfig.builder(iou == null ? 0 : iou).optClassAgnostic(agnostic);
        if (score != null) {
            b.optScoreThreshold(score);
        }
        if (topK != null) {
            b.optTopK(topK);
        }
        if (maxDets != null) {
            b.optMaxDetections(maxDets);
        }
        b.optSuppression(suppression);
        if (sigma != null) {
            if (suppression != Suppression.GAUSSIAN) {
                throw new IllegalArgumentException("--sigma applies to --soft gaussian only");
            }
            b.optSigma(sigma);
        }
        return b.build();
    }

    private static Suppression parseSoft(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "linear" -> Suppression.LINEAR;
            case "gaussian" -> Suppression.GAUSSIAN;
            default -> throw new IllegalArgumentException("--soft " + s + ": expected linear or gaussian");
        };
    }
}
