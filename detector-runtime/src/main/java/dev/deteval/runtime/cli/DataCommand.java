package dev.deteval.runtime.cli;

import dev.deteval.runtime.data.SceneGenerator;
import dev.deteval.runtime.data.ShapesCocoWriter;
import dev.deteval.runtime.data.ShapesConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code data}: writes a synthetic shapes data set as COCO ground truth and PNG images. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"Writes a seeded synthetic shapes data set: DIR/instances.json (COCO ground truth)",
            "and DIR/images/NNNNNN.png. The same --images, --seed and --size give the same files."})
final class DataCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Option(names = "--images", required = true, paramLabel = "N", description = "Number of images.")
    int images;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--size", paramLabel = "PX", description = "Image width and height (default ${DEFAULT-VALUE}).")
    int size = ShapesConfig.DEFAULT.width();

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() {
        ShapesConfig config = ShapesConfig.DEFAULT.withSize(size, size);
        ShapesCocoWriter.Written w = new ShapesCocoWriter(new SceneGenerator(config, seed)).write(out, images);
        spec.commandLine().getOut().printf("wrote %d images, %d annotations to %s%n", w.images(), w.annotations(),
                out);
        return 0;
    }
}
