package dev.deteval.eval.io;

import static dev.deteval.eval.io.BadInput.inputException;
import static dev.deteval.eval.io.YoloFixture.png;
import static dev.deteval.eval.io.YoloFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.data.Category;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class YoloReaderTest {

    @TempDir
    Path dir;

    @Test
    void readGroundTruth_fixture_pixelBoxesFromNormalisedCentres() {
        GroundTruth gt = new YoloReader().readGroundTruth(YoloFixture.write(dir));

        assertThat(gt.categories()).containsExactly(Category.of(0, "cat"), Category.of(1, "dog"));
        assertThat(gt.sortedImageIds()).containsExactly(1, 2, 3); // numeric stems 000001..000003
        assertThat(gt.imageWidth(0)).isEqualTo(640);
        assertThat(gt.imageHeight(1)).isEqualTo(240);
        assertThat(gt.imageFileName(2)).isEqualTo("images/val/000003.png");
        assertThat(gt.imageIdColumn()).containsExactly(1, 1, 2);
        assertThat(gt.categoryIdColumn()).containsExactly(0, 1, 1);
        assertThat(gt.boxColumn()).containsExactly(
                640 * (0.5 - 0.25 / 2), 480 * (0.5 - 0.5 / 2), 640 * 0.25, 480 * 0.5,
                640 * (0.25 - 0.1 / 2), 480 * (0.25 - 0.2 / 2), 640 * 0.1, 480 * 0.2,
                320 * (0.5 - 0.5 / 2), 240 * (0.5 - 0.5 / 2), 320 * 0.5, 240 * 0.5);
        assertThat(gt.areaColumn()[0]).isEqualTo((640 * 0.25) * (480 * 0.5));
        assertThat(gt.annotationIdColumn()).containsExactly(1, 2, 3);
    }

    @Test
    void readGroundTruth_nonNumericStems_idsInSortedPathOrder() {
        png(dir.resolve("images/val/b.png"), 10, 10);
        png(dir.resolve("images/val/a.png"), 20, 10);
        Path yaml = text(dir.resolve("d.yml"), "val: images/val\nnames: [x]\n");

        GroundTruth gt = new YoloReader().readGroundTruth(yaml);

        assertThat(gt.imageFileName(0)).isEqualTo("images/val/a.png");
        assertThat(gt.imageId(0)).isEqualTo(1);
        assertThat(gt.imageId(1)).isEqualTo(2);
        assertThat(gt.imageWidth(0)).isEqualTo(20);
    }

    @Test
    void readGroundTruth_pathRelativeToYamlAndListFile_resolved() {
        Path data = dir.resolve("data");
        png(data.resolve("images/x/7.png"), 10, 20);
        text(data.resolve("labels/x/7.txt"), "2 0.5 0.5 1 1\n");
        text(data.resolve("val.txt"), "./images/x/7.png\n\n");
        Path yaml = text(dir.resolve("cfg/set.yaml"), "path: ../data\nval: [val.txt]\nnc: 3\n");

        GroundTruth gt = new YoloReader().readGroundTruth(yaml);

        assertThat(gt.categories()).extracting(Category::name).containsExactly("class_0", "class_1", "class_2");
        assertThat(gt.imageId(0)).isEqualTo(7);
        assertThat(gt.boxColumn()).containsExactly(0, 0, 10, 20);
    }

    @Test
    void readGroundTruth_polygonLine_boundingBoxAndWarning() {
        png(dir.resolve("images/val/1.png"), 100, 200);
        text(dir.resolve("labels/val/1.txt"), "0 0.1 0.2 0.5 0.1 0.3 0.6\n");
        Path yaml = text(dir.resolve("d.yaml"), "val: images/val\nnames: [a]\n");
        YoloReader reader = new YoloReader();

        GroundTruth gt = reader.readGroundTruth(yaml);

        assertThat(gt.boxColumn()).containsExactly(100 * 0.1, 200 * 0.1, 100 * (0.5 - 0.1), 200 * (0.6 - 0.1));
        assertThat(reader.warnings()).singleElement().asString().contains("1 polygon label(s)");
    }

    @Test
    void readGroundTruth_otherSplit_readsItsImages() {
        YoloFixture.write(dir);
        png(dir.resolve("images/train/9.png"), 8, 8);

        GroundTruth gt = new YoloReader().withSplit("train").readGroundTruth(dir.resolve("data.yaml"));

        assertThat(gt.sortedImageIds()).containsExactly(9);
        assertThat(gt.annotationCount()).isZero();
    }

    @Test
    void readGroundTruth_jpegWithExifQuarterTurn_widthAndHeightSwapped() throws IOException {
        Path image = dir.resolve("images/val/1.jpg");
        Files.createDirectories(image.getParent());
        Files.write(image, jpegWithOrientation(40, 30, 6));
        Path plain = dir.resolve("images/val/2.jpg");
        Files.write(plain, jpegWithOrientation(40, 30, 3));
        Path yaml = text(dir.resolve("d.yaml"), "val: images/val\nnames: [a]\n");

        GroundTruth gt = new YoloReader().readGroundTruth(yaml);

        assertThat(new int[] {gt.imageWidth(0), gt.imageHeight(0)}).containsExactly(30, 40);
        assertThat(new int[] {gt.imageWidth(1), gt.imageHeight(1)}).containsExactly(40, 30);
    }

    /** A JPEG with an EXIF APP1 segment (big-endian TIFF, one IFD entry: orientation) right after SOI. */
    private static byte[] jpegWithOrientation(int width, int height, int orientation) throws IOException {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpeg", jpeg);
        byte[] plain = jpeg.toByteArray();
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
            0, 0, 0, 0, 0, 0};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        int length = 2 + 6 + tiff.length;
        out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length, 'E', 'x', 'i', 'f', 0, 0});
        out.write(tiff);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    @Test
    void readDetections_txtFolder_pixelBoxesAndConfidence() {
        GroundTruth gt = new YoloReader().readGroundTruth(YoloFixture.write(dir));
        text(dir.resolve("run/labels/000002.txt"), "1 0.5 0.5 0.5 0.5 0.75\n0 0.1 0.1 0.2 0.2 0.5\n");
        text(dir.resolve("run/labels/000001.txt"), "0 0.5 0.5 0.25 0.5 0.9\n");

        Detections dt = new YoloReader().readDetections(dir.resolve("run"), gt);

        assertThat(dt.imageIdColumn()).containsExactly(1, 2, 2);
        assertThat(dt.categoryIdColumn()).containsExactly(0, 1, 0);
        assertThat(dt.scoreColumn()).containsExactly(0.9, 0.75, 0.5);
        assertThat(dt.boxColumn()).startsWith(640 * (0.5 - 0.25 / 2), 480 * (0.5 - 0.5 / 2), 640 * 0.25, 480 * 0.5,
                320 * (0.5 - 0.5 / 2), 240 * (0.5 - 0.5 / 2), 320 * 0.5, 240 * 0.5);
    }

    @Test
    void readDetections_cocoJson_idsOfTheDataset() {
        GroundTruth gt = new YoloReader().readGroundTruth(YoloFixture.write(dir));
        Path json = text(dir.resolve("p.json"),
                "[{\"image_id\": 2, \"category_id\": 1, \"bbox\": [80, 60, 160, 120], \"score\": 0.5}]");

        Detections dt = new YoloReader().readDetections(json, gt);

        assertThat(dt.size()).isEqualTo(1);
        assertThat(dt.imageIdColumn()).containsExactly(2);
    }

    // ---- bad input: the file and the line are named ----

    @Test
    void readGroundTruth_classOutOfRange_namesFileAndLine() {
        Path yaml = YoloFixture.write(dir);
        Path labels = text(dir.resolve("labels/val/000002.txt"), "1 0.5 0.5 0.5 0.5\n\n2 0.5 0.5 0.1 0.1\n");

        InputException e = inputException(() -> new YoloReader().readGroundTruth(yaml));

        assertThat(e.source()).isEqualTo(labels.toString());
        assertThat(e.location()).isEqualTo("line 3");
        assertThat(e.problem()).contains("class 2 is not among the 2 classes");
    }

    @Test
    void readGroundTruth_coordinateAboveOne_namesFileAndLine() {
        Path yaml = YoloFixture.write(dir);
        Path labels = text(dir.resolve("labels/val/000001.txt"), "0 0.5 1.5 0.25 0.5\n");

        InputException e = inputException(() -> new YoloReader().readGroundTruth(yaml));

        assertThat(e.getMessage()).isEqualTo(labels + ": line 1: cy is 1.5, outside [0, 1] (YOLO coordinates are"
                + " fractions of the image size)");
    }

    @Test
    void readGroundTruth_fourValues_namesFileAndLine() {
        Path yaml = YoloFixture.write(dir);
        text(dir.resolve("labels/val/000001.txt"), "0 0.5 0.5 0.25\n");

        InputException e = inputException(() -> new YoloReader().readGroundTruth(yaml));

        assertThat(e.location()).isEqualTo("line 1");
        assertThat(e.problem()).startsWith("expected 5 values");
    }

    @Test
    void readGroundTruth_notANumber_namesFileAndLine() {
        Path yaml = YoloFixture.write(dir);
        text(dir.resolve("labels/val/000001.txt"), "0 0.5 0.5 0.25 nan\n");

        InputException e = inputException(() -> new YoloReader().readGroundTruth(yaml));

        assertThat(e.problem()).isEqualTo("h is not a number: 'nan'");
    }

    @Test
    void readGroundTruth_malformedYaml_namesLineAndColumn() {
        Path yaml = text(dir.resolve("d.yaml"), "val: images\nnames: [a, b\n");

        InputException e = inputException(() -> new YoloReader().readGroundTruth(yaml));

        assertThat(e.source()).isEqualTo(yaml.toString());
        assertThat(e.location()).startsWith("line 3, column ");
        assertThat(e.problem()).startsWith("malformed YAML: ");
    }

    @Test
    void readGroundTruth_splitMissing_namesIt() {
        Path yaml = text(dir.resolve("d.yaml"), "train: images\nnames: [a]\n");

        InputException e = inputException(() -> new YoloReader().readGroundTruth(yaml));

        assertThat(e.getMessage()).isEqualTo(yaml + ": has no 'val' entry (the images of the split to evaluate)");
    }

    @Test
    void readGroundTruth_namesWithGap_namesLine() {
        Path yaml = text(dir.resolve("d.yaml"), "val: images\nnames:\n  0: a\n  2: c\n");

        InputException e = inputException(() -> new YoloReader().readGroundTruth(yaml));

        assertThat(e.location()).isEqualTo("line 3, column 3");
        assertThat(e.problem()).contains("1 is missing");
    }

    @Test
    void readGroundTruth_missingImageFolder_namesYamlPlace() {
        Path yaml = text(dir.resolve("d.yaml"), "names: [a]\nval: nowhere\n");

        InputException e = inputException(() -> new YoloReader().readGroundTruth(yaml));

        assertThat(e.location()).isEqualTo("line 2, column 6");
        assertThat(e.problem()).endsWith("nowhere does not exist");
    }

    @Test
    void readGroundTruth_imageThatIsNoImage_namesTheImage() {
        Path yaml = YoloFixture.write(dir);
        Path bad = text(dir.resolve("images/val/000004.png"), "not a png");

        InputException e = inputException(() -> new YoloReader().readGroundTruth(yaml));

        assertThat(e.source()).isEqualTo(bad.toString());
        assertThat(e.problem()).startsWith("image format not recognised");
    }

    @Test
    void readGroundTruth_truncatedPng_namesTheImage() throws IOException {
        Path yaml = YoloFixture.write(dir);
        Path image = dir.resolve("images/val/000002.png");
        byte[] whole = Files.readAllBytes(image);
        Files.write(image, java.util.Arrays.copyOf(whole, 12)); // the signature and half a chunk header

        InputException e = inputException(() -> new YoloReader().readGroundTruth(yaml));

        assertThat(e.source()).isEqualTo(image.toString());
        assertThat(e.problem()).startsWith("image header cannot be read: ");
    }

    @Test
    void readDetections_noConfidence_namesFileAndLine() {
        GroundTruth gt = new YoloReader().readGroundTruth(YoloFixture.write(dir));
        Path p = text(dir.resolve("pred/000001.txt"), "0 0.5 0.5 0.25 0.5 0.9\n0 0.5 0.5 0.25 0.5\n");

        InputException e = inputException(() -> new YoloReader().readDetections(dir.resolve("pred"), gt));

        assertThat(e.source()).isEqualTo(p.toString());
        assertThat(e.location()).isEqualTo("line 2");
        assertThat(e.problem()).contains("save_conf");
    }

    @Test
    void readDetections_unknownImage_namesFile() {
        GroundTruth gt = new YoloReader().readGroundTruth(YoloFixture.write(dir));
        Path p = text(dir.resolve("pred/000009.txt"), "0 0.5 0.5 0.25 0.5 0.9\n");

        InputException e = inputException(() -> new YoloReader().readDetections(dir.resolve("pred"), gt));

        assertThat(e.source()).isEqualTo(p.toString());
        assertThat(e.problem()).contains("no image named '000009.*'");
    }

    @Test
    void isDatasetYaml_extensions_recognised() {
        assertThat(List.of("a.yaml", "b.YML", "c.json", "yaml").stream().map(n -> YoloReader.isDatasetYaml(Path.of(n))))
                .containsExactly(true, true, false, false);
    }
}
