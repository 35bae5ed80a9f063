package dev.deteval.eval.cli;

import dev.deteval.eval.synth.SyntheticCoco;
import dev.deteval.eval.synth.SyntheticKeypoints;
import dev.deteval.eval.synth.SyntheticLvis;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deteval synth}: writes a deterministic COCO-like data set for benchmarks. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Writes a deterministic COCO-like data set for benchmarks.",
            "Files: DIR/instances.json (ground truth) and DIR/detections.json (results).",
            "80 COCO categories, Poisson(7.3) objects per image, COCO-like size mix, ~1%% crowd,",
            "up to 100 detections per image. The same --images and --seed give the same bytes.",
            "--segm adds segmentations: polygons (crowd: uncompressed RLE) with mask areas for ground truth,",
            "compressed RLE for results; boxes and scores stay the same.",
            "--lvis writes LVIS v1 val's shape instead: 1,203 categories with frequencies, negative and",
            "not-exhaustive lists, Poisson(12.4) objects, 300 detections per image (320 on every tenth).",
            "--keypoints writes COCO person keypoints' shape instead (for --iou-type keypoints): one category",
            "'person' with the 17 COCO keypoints and skeleton, Poisson(4.1) people per image, ~45%% of them",
            "with num_keypoints 0 (so ~2.2 with keypoints; COCO val2017: ~2.3 per image with people), ~1%% crowd,",
            "up to 20 results per image with 17 keypoints each (COCO's keypoint maxDets is 20)."})
final class SynthCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--images", required = true, paramLabel = "N", description = "Number of images.")
    int images;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default 1).")
    long seed;

    @Option(names = "--segm", description = "Also write segmentations (for iouType segm).")
    boolean segm;

    @Option(names = "--lvis", description = "Write an LVIS-shaped data set (for --protocol lvis) instead.")
    boolean lvis;

    @Option(names = "--keypoints",
            description = "Write a person-keypoints data set (for --iou-type keypoints) instead.")
    boolean keypoints;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
    Path out;

    @Override
    public Integer call() {
        if (lvis && segm) {
            throw new IllegalArgumentException("--lvis writes boxes only; leave out --segm");
        }
        if (keypoints && (lvis || segm)) {
            throw new IllegalArgumentException("--keypoints writes keypoints only; leave out --segm and --lvis");
        }
        SyntheticCoco.Written w = lvis ? new SyntheticLvis(images, seed).write(out)
                : keypoints ? new SyntheticKeypoints(images, seed).write(out)
                : new SyntheticCoco(images, seed, segm).write(out);
        spec.commandLine().getOut().printf("wrote %d images, %d annotations, %d detections to %s%n", w.images(),
                w.annotations(), w.detections(), out);
        return 0;
    }
}
