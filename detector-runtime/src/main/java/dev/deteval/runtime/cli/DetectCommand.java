package dev.deteval.runtime.cli;

import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoSummary;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.runtime.data.ShapesCocoWriter;
import dev.deteval.runtime.inference.CocoResultsJson;
import dev.deteval.runtime.inference.Detector;
import dev.deteval.runtime.inference.FileImages;
import dev.deteval.runtime.model.DetectorModels;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code detect}: runs a saved detector on images and writes COCO results JSON. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Runs a saved detector on images and writes COCO results (pixels).",
            "--data DIR reads DIR/instances.json for image ids and DIR/images/<file_name>, and also prints",
            "COCO AP50 and AP against that ground truth. --images DIR takes every .png/.jpg/.jpeg/.bmp",
            "in DIR, sorted by name; a file named by a number (000042.png) gets that image id, others",
            "their position from 1."})
final class DetectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "Saved detector folder.")
    Path model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--images", required = true, paramLabel = "DIR", description = "Folder of images.")
        Path images;

        @Option(names = "--data", required = true, paramLabel = "DIR",
                description = "Data set folder written by 'data' (instances.json, images/).")
        Path data;
    }

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "COCO results JSON to write.")
    Path out;

    @Option(names = "--batch", paramLabel = "B", description = "Images per forward pass (default ${DEFAULT-VALUE}).")
    int batch = 32;

    @Option(names = "--threads", paramLabel = "T", description = "Engine threads (default 1).")
    Integer threads;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
        }
        GroundTruth groundTruth = null;
        FileImages images;
        if (input.data != null) {
            groundTruth = new CocoJsonReader().readGroundTruth(input.data.resolve(ShapesCocoWriter.INSTANCES));
            images = dataSetImages(input.data, groundTruth);
        } else {
            images = folderImages(input.images);
        }
        EngineSettings.threads(threads);
        PrintWriter stdout = spec.commandLine().getOut();
        try (DetectorModels.Loaded loaded = DetectorModels.load(model);
                Detector detector = new Detector(loaded.model(), loaded.spec())) {
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            long cpuStart = cpu.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Detections detections = detector.detect(images, batch);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            CocoResultsJson.write(detections, out);
            stdout.println(String.format(Locale.ROOT,
                    "%d images, %d detections in %.2f s (%.0f images/s; %.0f images per CPU second of the detecting"
                            + " thread; batch %d, %s engine thread(s)); wrote %s",
                    images.count(), detections.size(), seconds, images.count() / seconds, images.count() / cpuSeconds,
                    batch, System.getProperty("ai.djl.pytorch.num_threads"), out));
            if (groundTruth != null) {
                CocoSummary summary = CocoEvaluator.evaluate(groundTruth, detections, CocoParams.defaults()).summary();
                stdout.println(String.format(Locale.ROOT, "COCO AP50 %.4f AP75 %.4f AP %.4f", summary.ap50(),
                        summary.ap75(), summary.ap()));
            }
        }
        return 0;
    }

    private static FileImages dataSetImages(Path dir, GroundTruth groundTruth) {
        List<Path> files = new ArrayList<>();
        long[] ids = new long[groundTruth.imageCount()];
        for (int i = 0; i < groundTruth.imageCount(); i++) {
            ids[i] = groundTruth.imageId(i);
            files.add(dir.resolve(ShapesCocoWriter.IMAGES).resolve(groundTruth.imageFileName(i)));
        }
        return FileImages.read(files, ids);
    }

    private static FileImages folderImages(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("image folder " + dir + " does not exist");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)
                    .matches(".*\\.(png|jpe?g|bmp)")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .png, .jpg, .jpeg or .bmp files in " + dir);
        }
        long[] ids = new long[files.size()];
        for (int i = 0; i < ids.length; i++) {
            String name = files.get(i).getFileName().toString();
            String stem = name.substring(0, name.lastIndexOf('.'));
            ids[i] = stem.matches("\\d{1,18}") ? Long.parseLong(stem) : i + 1;
        }
        return FileImages.read(files, ids);
    }
}
