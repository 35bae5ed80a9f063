package dev.deteval.eval.cli;

import static dev.deteval.eval.io.YoloFixture.png;
import static dev.deteval.eval.io.YoloFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.deteval.eval.data.Category;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.io.YoloFixture;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code deteval convert}: round trips on the samples and on conformance data keep every annotation (boxes to
 * 1e-9 pixel, or the same evaluation), counts go to standard output, and anything that cannot be converted is
 * exit code 2 with one line naming the file and the place, with nothing written.
 */
final class ConvertCommandTest {

    /** The samples module's COCO ground truth: 250 images, 856 annotations (10 crowd), 12 categories. */
    private static final Path SAMPLE_GT = Path.of("../samples/data/instances_val.json");

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static CliRun convert(String from, Path in, String to, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("convert", "--from", from, "--in", in.toString(), "--to", to,
                "--out", out.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(new String[0]));
    }

    private static Path conformance(String name) throws URISyntaxException {
        return Path.of(ConvertCommandTest.class.getResource("/conformance/README.md").toURI()).getParent()
                .resolve(name);
    }

    /** Black PNG images with the ground truth's file names and sizes (the format is read from the content). */
    private Path imagesFor(GroundTruth gt) {
        Path images = dir.resolve("images");
        for (int i = 0; i < gt.imageCount(); i++) {
            png(images.resolve(gt.imageFileName(i)), gt.imageWidth(i), gt.imageHeight(i));
        }
        return images;
    }

    private static GroundTruth coco(Path file) {
        return new CocoJsonReader().readGroundTruth(file);
    }

    @Test
    void convert_samplesCocoToYoloAndBack_everyBoxWithin1e9() {
        GroundTruth original = coco(SAMPLE_GT);
        Path yolo = dir.resolve("yolo");

        CliRun there = convert("coco", SAMPLE_GT, "yolo", yolo, "--images", imagesFor(original).toString());
        CliRun back = convert("yolo", yolo.resolve("data.yaml"), "coco", dir.resolve("back.json"));

        assertThat(there.code()).isZero();
        assertThat(there.out()).startsWith("converted 250 images, 856 annotations, 12 categories from coco ");
        assertThat(there.err()).contains("deteval: warning: 10 crowd/difficult annotation(s) written as ordinary");
        assertThat(back.code()).isZero();
        assertThat(back.out()).startsWith("converted 250 images, 856 annotations, 12 categories from yolo ");
        GroundTruth result = coco(dir.resolve("back.json"));
        // YOLO class k is the k-th category by id; the numeric file-name stems give the image ids back
        List<Category> byId = original.categories().stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
        assertThat(result.categories()).extracting(Category::name).containsExactlyElementsOf(
                byId.stream().map(Category::name).toList());
        assertThat(result.sortedImageIds()).containsExactly(original.sortedImageIds());
        assertThat(result.crowdColumn()).containsOnly(false);
        assertSameBoxes(original, result, byId);
    }

    @Test
    void convert_samplesCocoToVocAndBack_boxesAndCrowdFlagsKept() {
        GroundTruth original = coco(SAMPLE_GT);
        Path voc = dir.resolve("voc");

        CliRun there = convert("coco", SAMPLE_GT, "voc", voc);
        CliRun back = convert("voc", voc, "coco", dir.resolve("back.json"));

        // one of the 12 categories has no annotation, and a VOC devkit knows classes only from its objects
        List<Long> used = java.util.Arrays.stream(original.categoryIdColumn()).boxed().distinct().toList();
        assertThat(used).hasSize(11);
        assertThat(there.code()).isZero();
        assertThat(there.err()).contains("deteval: warning: 1 category without annotations cannot be listed in a VOC"
                + " devkit");
        assertThat(back.code()).isZero();
        assertThat(back.out()).startsWith("converted 250 images, 856 annotations, 11 categories from voc ");
        GroundTruth result = coco(dir.resolve("back.json"));
        // VOC names classes; back in COCO they are numbered 1, 2, … in sorted name order
        List<Category> byName = original.categories().stream().filter(c -> used.contains(c.id()))
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
        assertThat(result.categories()).extracting(Category::name).containsExactlyElementsOf(
                byName.stream().map(Category::name).toList());
        assertSameBoxes(original, result, byName);
        assertThat(crowdByImage(result)).isEqualTo(crowdByImage(original));
    }

    /**
     * The same number of annotations and, image by image (matched by id), the same categories and boxes to
     * 1e-9 pixel in the same order, where {@code order} lists the original categories in the order of their new
     * ids.
     */
    private static void assertSameBoxes(GroundTruth original, GroundTruth result, List<Category> order) {
        assertThat(result.annotationCount()).isEqualTo(original.annotationCount());
        java.util.Map<Long, List<Integer>> before = byImage(original);
        java.util.Map<Long, List<Integer>> after = byImage(result);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        long[] oCats = original.categoryIdColumn();
        long[] rCats = result.categoryIdColumn();
        double[] oBoxes = original.boxColumn();
        double[] rBoxes = result.boxColumn();
        long firstId = result.categories().get(0).id();
        for (var e : before.entrySet()) {
            List<Integer> o = e.getValue();
            List<Integer> r = after.get(e.getKey());
            assertThat(r).as("annotations of image %d", e.getKey()).hasSameSizeAs(o);
            for (int k = 0; k < o.size(); k++) {
                int a = o.get(k);
                int b = r.get(k);
                assertThat(order.get((int) (rCats[b] - firstId)).id()).as("category of annotation %d", a)
                        .isEqualTo(oCats[a]);
                for (int c = 0; c < 4; c++) {
                    assertThat(rBoxes[4 * b + c]).as("box %d[%d]", a, c).isCloseTo(oBoxes[4 * a + c], within(1e-9));
                }
            }
        }
    }

    /** Annotation indices by image id, each list in input order. */
    private static java.util.Map<Long, List<Integer>> byImage(GroundTruth gt) {
        java.util.Map<Long, List<Integer>> out = new java.util.HashMap<>();
        long[] images = gt.imageIdColumn();
        for (int a = 0; a < images.length; a++) {
            out.computeIfAbsent(images[a], k -> new ArrayList<>()).add(a);
        }
        return out;
    }

    /** The crowd flags of each image's annotations, images in ascending id order. */
    private static List<Boolean> crowdByImage(GroundTruth gt) {
        boolean[] crowd = gt.crowdColumn();
        return new java.util.TreeMap<>(byImage(gt)).values().stream().flatMap(List::stream).map(a -> crowd[a])
                .toList();
    }

    /**
     * VOC → {@code via} → VOC, then the devkit's own results evaluated on both devkits give the same report.
     * Through YOLO only a case without difficult objects can keep its evaluation (YOLO has no such flag).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"voc_difficult, coco", "voc_random_s12, coco", "voc_slide_example, yolo"})
    void convert_vocConformanceCaseAndBack_sameVocEvaluation(String name, String via) throws Exception {
        Path devkit = conformance(name);
        Path middle = dir.resolve(via.equals("coco") ? "gt.json" : "yolo");
        List<String> images = new ArrayList<>();
        if (via.equals("yolo")) {
            images = List.of("--images", imagesFor(convertedToCoco(devkit)).toString());
        }

        CliRun there = convert("voc", devkit, via, middle, images.toArray(new String[0]));
        CliRun back = convert(via, via.equals("coco") ? middle : middle.resolve("data.yaml"), "voc", dir.resolve("voc"),
                "--image-set", "test");

        assertThat(there.code()).isZero();
        assertThat(back.code()).isZero();
        for (String protocol : List.of("voc07", "voc12")) {
            CliRun original = run("eval", "--protocol", protocol, "--gt", devkit.toString(), "--dt",
                    devkit.resolve("results").toString(), "--format", "json");
            CliRun converted = run("eval", "--protocol", protocol, "--gt", dir.resolve("voc").toString(), "--dt",
                    devkit.resolve("results").toString(), "--format", "json");
            assertThat(original.code()).isZero();
            assertThat(converted.out()).isEqualTo(original.out());
        }
    }

    private GroundTruth convertedToCoco(Path devkit) {
        Path json = dir.resolve("sizes.json");
        assertThat(convert("voc", devkit, "coco", json).code()).isZero();
        return coco(json);
    }

    @Test
    void convert_yoloFixtureToVocAndBack_sameLabelFiles() throws IOException {
        Path yaml = YoloFixture.write(dir.resolve("ds"));

        CliRun there = convert("yolo", yaml, "voc", dir.resolve("voc"));
        CliRun back = convert("voc", dir.resolve("voc"), "yolo", dir.resolve("yolo"));

        assertThat(there.code()).isZero();
        assertThat(back.code()).isZero();
        assertThat(back.out()).startsWith("converted 3 images, 3 annotations, 2 categories from voc ");
        assertThat(Files.readString(dir.resolve("yolo/labels/val/000001.txt"))).isEqualTo(YoloFixture.LABELS_1);
        assertThat(Files.readString(dir.resolve("yolo/labels/val/000002.txt"))).isEqualTo(YoloFixture.LABELS_2);
        assertThat(Files.readString(dir.resolve("yolo/labels/val/000003.txt"))).isEmpty();
        assertThat(dir.resolve("yolo/images/val/000001.png")).hasSameBinaryContentAs(
                dir.resolve("ds/images/val/000001.png"));
        // VOC pixel corners of the cat: x = 640·(0.5 − 0.125) = 240 → xmin 241, xmax 240 + 160 = 400
        assertThat(Files.readString(dir.resolve("voc/Annotations/000001.xml")))
                .contains("<xmin>241</xmin>", "<xmax>400</xmax>", "<ymin>121</ymin>", "<ymax>360</ymax>");
    }

    // ---- what cannot be converted: exit 2, one line naming the file and place, nothing written ----

    private static final String GT = """
            {"images": [{"id": 1, "width": 100, "height": 50, "file_name": "a.jpg"}],
             "categories": [{"id": 3, "name": "cat"}],
             "annotations": [
               {"id": 1, "image_id": 1, "category_id": 3, "bbox": [10, 10, 20, 20], "area": 400, "iscrowd": 0},
               %s]}
            """;

    private void assertNothingWritten(Path out) throws IOException {
        assertThat(out).doesNotExist();
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void convert_boxBeyondTheImageToYolo_exit2NamingTheAnnotation() throws IOException {
        Path gt = text(dir.resolve("gt.json"), GT.formatted(
                "{\"id\": 2, \"image_id\": 1, \"category_id\": 3, \"bbox\": [90, 10, 30, 20], \"area\": 1, \"iscrowd\": 0}"));
        Path out = dir.resolve("out/yolo");
        imagesFor(coco(gt));

        CliRun r = convert("coco", gt, "yolo", out, "--images", dir.resolve("images").toString());

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("deteval: error: " + gt + ": annotations[1]: box [90.0, 10.0, 30.0, 20.0] gives"
                + " YOLO values outside [0, 1] in the 100 x 50 image" + System.lineSeparator());
        Files.createDirectories(out.getParent());
        assertNothingWritten(out);
    }

    @Test
    void convert_subPixelBoxToVocPixelCorners_exit2AndContinuousWorks() throws IOException {
        Path gt = text(dir.resolve("gt.json"), GT.formatted(
                "{\"id\": 2, \"image_id\": 1, \"category_id\": 3, \"bbox\": [5, 5, 0.5, 8], \"area\": 4, \"iscrowd\": 0}"));

        CliRun pixel = convert("coco", gt, "voc", dir.resolve("voc"));
        CliRun continuous = convert("coco", gt, "voc", dir.resolve("voc2"), "--voc-boxes", "continuous");

        assertThat(pixel.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(pixel.err()).startsWith("deteval: error: " + gt + ": annotations[1]: box 0.5 x 8.0 is smaller than"
                + " one pixel");
        assertNothingWritten(dir.resolve("voc"));
        assertThat(continuous.code()).isZero();
        assertThat(Files.readString(dir.resolve("voc2/Annotations/a.xml"))).contains("<xmin>5</xmin>",
                "<xmax>5.5</xmax>");
    }

    @Test
    void convert_annotationOfUnknownCategory_exit2NamingIt() throws IOException {
        Path gt = text(dir.resolve("gt.json"), GT.formatted(
                "{\"id\": 2, \"image_id\": 1, \"category_id\": 9, \"bbox\": [1, 1, 2, 2], \"area\": 4, \"iscrowd\": 0}"));

        CliRun r = convert("coco", gt, "voc", dir.resolve("voc"));

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).startsWith("deteval: error: " + gt + ": annotations[1]: category 9 is not among the"
                + " categories");
        assertNothingWritten(dir.resolve("voc"));
    }

    @Test
    void convert_vocFileWithoutSize_exit2NamingTheFile() throws IOException {
        Path devkit = dir.resolve("devkit");
        text(devkit.resolve("ImageSets/Main/val.txt"), "img1\n");
        Path xml = text(devkit.resolve("Annotations/img1.xml"), """
                <annotation>
                  <filename>img1.jpg</filename>
                  <object><name>cat</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>5</xmax><ymax>5</ymax></bndbox></object>
                </annotation>
                """);

        CliRun r = convert("voc", devkit, "coco", dir.resolve("gt.json"));

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).startsWith("deteval: error: " + xml + ": has no <size> with <width> and <height>");
        assertThat(dir.resolve("gt.json")).doesNotExist();
    }

    @Test
    void convert_badYoloLabel_exit2NamingFileAndLine() {
        Path yaml = YoloFixture.write(dir.resolve("ds"));
        Path labels = text(dir.resolve("ds/labels/val/000002.txt"), "1 0.5 0.5 0.5\n");

        CliRun r = convert("yolo", yaml, "coco", dir.resolve("gt.json"));

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).startsWith("deteval: error: " + labels + ": line 1: expected 5 values");
        assertThat(dir.resolve("gt.json")).doesNotExist();
    }

    @Test
    void convert_outputFolderNotEmpty_exit2AndLeftAlone() throws IOException {
        Path yaml = YoloFixture.write(dir.resolve("ds"));
        Path keep = text(dir.resolve("voc/keep.txt"), "mine");

        CliRun r = convert("yolo", yaml, "voc", dir.resolve("voc"));

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("is a folder that is not empty");
        try (Stream<Path> files = Files.list(dir.resolve("voc"))) {
            assertThat(files).containsExactly(keep);
        }
    }

    @Test
    void convert_intoAnEmptyFolder_replacesIt() throws IOException {
        Path yaml = YoloFixture.write(dir.resolve("ds"));
        Files.createDirectories(dir.resolve("voc"));

        CliRun r = convert("yolo", yaml, "voc", dir.resolve("voc"));

        assertThat(r.code()).isZero();
        assertThat(dir.resolve("voc/ImageSets/Main/val.txt")).hasContent("000001\n000002\n000003");
        assertNothingWritten(dir.resolve("missing")); // no staging folder left beside it
    }

    @Test
    void convert_missingImage_exit2NamingItAndNothingWritten() throws IOException {
        Path gt = text(dir.resolve("gt.json"), GT.formatted(
                "{\"id\": 2, \"image_id\": 1, \"category_id\": 3, \"bbox\": [1, 1, 2, 2], \"area\": 4, \"iscrowd\": 0}"));
        Files.createDirectories(dir.resolve("no-images"));

        CliRun r = convert("coco", gt, "yolo", dir.resolve("yolo"), "--images", dir.resolve("no-images").toString());

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        Matcher m = Pattern.compile("deteval: error: (.*): image 1 not found").matcher(r.err());
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).endsWith("a.jpg");
        assertNothingWritten(dir.resolve("yolo"));
    }
}
