package dev.deteval.eval.cli;

import dev.deteval.eval.data.Names;
import dev.deteval.eval.io.DatasetConverter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deteval convert}: converts ground truth between COCO, YOLO and VOC. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Converts ground truth between COCO instances JSON, YOLO (Ultralytics) datasets and VOC devkit"
                + " folders.",
            "Input: coco = instances JSON file, yolo = dataset YAML file, voc = devkit folder.",
            "Output: coco = a JSON file, yolo and voc = a new (or empty) folder, written whole or not at all.",
            "Every annotation is converted or the run stops (exit 2) naming the file and place of the one that",
            "cannot be; the counts go to standard output, what the target cannot hold to standard error.",
            "Pixel conventions: docs/formats.md."})
final class ConvertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "coco|yolo|voc", description = "The input format.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "coco|yolo|voc", description = "The output format.")
    String to;

    @Option(names = "--in", required = true, paramLabel = "INPUT",
            description = "The input: COCO JSON file, YOLO dataset YAML file or VOC devkit folder.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "OUTPUT",
            description = "The output: COCO JSON file, or a folder that does not exist yet (or is empty).")
    Path out;

    @Option(names = "--split", paramLabel = "NAME",
            description = "YOLO: the split read or written (default val); also the VOC image set written when"
                    + " --image-set is not given.")
    String split;

    @Option(names = "--image-set", paramLabel = "SET",
            description = "VOC: the image set read (default: the only one) or written (default: the split, val).")
    String imageSet;

    @Option(names = "--voc-boxes", defaultValue = "pixel", paramLabel = "pixel|continuous",
            description = "VOC corners: pixel (default, the devkit's 1-based inclusive pixels: x = xmin - 1,"
                    + " w = xmax - xmin + 1) or continuous (x = xmin, w = xmax - xmin).")
    String vocBoxes;

    @Option(names = "--images", paramLabel = "DIR",
            description = "Where the input's image files are (file_name is resolved against it); they are copied"
                    + " into a YOLO or VOC output. Default: a YOLO input's own images, a VOC input's JPEGImages/.")
    Path images;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;

    @Override
    public Integer call() {
        DatasetConverter.Format source = DatasetConverter.Format.parse(from);
        DatasetConverter.Format target = DatasetConverter.Format.parse(to);
        boolean pixel = switch (vocBoxes) {
            case "pixel" -> true;
            case "continuous" -> false;
            default -> throw new IllegalArgumentException("--voc-boxes " + vocBoxes + ": expected pixel or continuous");
        };
        DatasetConverter.Result r = DatasetConverter.convert(source, in, target, out,
                new DatasetConverter.Options(split, imageSet, pixel, images));
        PrintWriter err = spec.commandLine().getErr();
        for (String w : r.warnings()) {
            err.println("deteval: warning: " + Names.visible(w));
        }
        spec.commandLine().getOut().printf("converted %d images, %d annotations, %d categories from %s %s to %s %s%n",
                r.images(), r.annotations(), r.categories(), source.id(), Names.visible(in.toString()), target.id(),
                Names.visible(out.toString()));
        return 0;
    }
}
