package dev.deteval.eval.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.voc.VocDataset;
import dev.deteval.eval.voc.VocDetections;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class VocResultsFolderReaderTest {

    @TempDir
    Path dir;

    private Devkit devkit;
    private VocDataset gt;

    private void catsAndDogs() {
        devkit = Devkit.in(dir).simpleXml("a", "cat 1 1 10 10 0").simpleXml("b", "dog 1 1 10 10 0").set("test", "a",
                "b");
        gt = new VocReader().readGroundTruth(devkit.root);
    }

    private String file(String name) {
        return devkit.results().resolve(name).toString();
    }

    @Test
    void read_oneFilePerClass_keepsFileOrderAndValues() {
        catsAndDogs();
        devkit.results("det_test_cat.txt", "a 0.9 1 2 3 4", "b\t0.25  1.5 2.5 3.5 4.5", "");
        devkit.results("det_test_dog.txt");

        VocDetections dt = new VocReader().readDetections(devkit.results(), gt);

        assertThat(dt.size()).isEqualTo(2);
        assertThat(dt.imageIndexColumn()).containsExactly(0, 1);
        assertThat(dt.classIndexColumn()).containsExactly(0, 0);
        assertThat(dt.scoreColumn()).containsExactly(0.9, 0.25);
        assertThat(dt.boxColumn()).containsExactly(1, 2, 3, 4, 1.5, 2.5, 3.5, 4.5);
    }

    @Test
    void read_wrongFieldCount_namesFileAndLine() {
        catsAndDogs();
        devkit.results("det_test_cat.txt", "a 0.9 1 2 3 4", "a 0.8 1 2 3");
        devkit.results("det_test_dog.txt");

        assertThatThrownBy(() -> new VocReader().readDetections(devkit.results(), gt))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(file("det_test_cat.txt") + ": line 2: expected 6 fields");
    }

    @Test
    void read_nonNumericScore_namesFileAndLine() {
        catsAndDogs();
        devkit.results("det_test_cat.txt");
        devkit.results("det_test_dog.txt", "b nan 1 2 3 4");

        assertThatThrownBy(() -> new VocReader().readDetections(devkit.results(), gt))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(file("det_test_dog.txt") + ": line 1: score is not a finite number: 'nan'");
    }

    @Test
    void read_unknownImage_namesFileAndLine() {
        catsAndDogs();
        devkit.results("det_test_cat.txt", "a 0.9 1 2 3 4", "", "x 0.8 1 2 3 4");
        devkit.results("det_test_dog.txt");

        assertThatThrownBy(() -> new VocReader().readDetections(devkit.results(), gt))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(file("det_test_cat.txt") + ": line 3: image 'x' is not in the ground truth");
    }

    @Test
    void read_invertedBox_namesFileAndLine() {
        catsAndDogs();
        devkit.results("det_test_cat.txt", "a 0.9 5 2 3 4");
        devkit.results("det_test_dog.txt");

        assertThatThrownBy(() -> new VocReader().readDetections(devkit.results(), gt))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(file("det_test_cat.txt") + ": line 1: xmax must not be less than xmin");
    }

    @Test
    void read_classFileMissing_namesIt() {
        catsAndDogs();
        devkit.results("det_test_cat.txt", "a 0.9 1 2 3 4");

        assertThatThrownBy(() -> new VocReader().readDetections(devkit.results(), gt))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(devkit.results().toString())
                .hasMessageContaining("has no det_test_dog.txt for class 'dog'");
    }

    @Test
    void read_noResultsFiles_rejected() {
        catsAndDogs();

        assertThatThrownBy(() -> new VocReader().readDetections(devkit.results(), gt))
                .isInstanceOf(InputException.class).hasMessageContaining("holds no results file");
    }

    @Test
    void read_twoCompleteSets_asksForOne() {
        catsAndDogs();
        devkit.results("det_test_cat.txt").results("det_test_dog.txt");
        devkit.results("det_val_cat.txt").results("det_val_dog.txt");

        assertThatThrownBy(() -> new VocReader().readDetections(devkit.results(), gt))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("several sets of results files (det_test, det_val); name the image set");
        assertThat(new VocReader().withImageSet("val").readDetections(devkit.results(), gt).size()).isZero();
    }

    @Test
    void read_classNameEndingAnotherClassName_findsTheCompleteSet() {
        devkit = Devkit.in(dir).simpleXml("a", "table 1 1 10 10 0", "dining_table 1 1 10 10 0").set("test", "a");
        gt = new VocReader().readGroundTruth(devkit.root);
        // det_test_dining_table.txt also reads as set "test_dining" of class "table"
        devkit.results("det_test_table.txt", "a 0.5 1 1 10 10");
        devkit.results("det_test_dining_table.txt");

        VocDetections dt = new VocReader().readDetections(devkit.results(), gt);

        assertThat(dt.size()).isEqualTo(1);
        assertThat(gt.classes().get(dt.classIndexColumn()[0])).isEqualTo("table");
    }

    @Test
    void read_devkitPrefixedNames_found() {
        catsAndDogs();
        devkit.results("comp4_det_test_cat.txt", "a 0.9 1 2 3 4").results("comp4_det_test_dog.txt");
        devkit.results("notes.txt", "not a results file");

        assertThat(new VocReader().readDetections(devkit.results(), gt).size()).isEqualTo(1);
        assertThat(new VocReader().withImageSet("test").readDetections(devkit.results(), gt).size()).isEqualTo(1);
    }

    @Test
    void read_twoPrefixesForOneSet_asksToSeparate() {
        catsAndDogs();
        devkit.results("comp3_det_test_cat.txt").results("comp3_det_test_dog.txt");
        devkit.results("comp4_det_test_cat.txt").results("comp4_det_test_dog.txt");

        assertThatThrownBy(() -> new VocReader().withImageSet("test").readDetections(devkit.results(), gt))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("(comp3_det_test, comp4_det_test)");
    }

    @Test
    void read_namedSetWithoutFiles_namesPattern() {
        catsAndDogs();
        devkit.results("det_test_cat.txt").results("det_test_dog.txt");

        assertThatThrownBy(() -> new VocReader().withImageSet("val").readDetections(devkit.results(), gt))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("holds no results file det_val_<class>.txt");
    }

    @Test
    void read_fileOfClassNotInGroundTruth_warnsAndSkips() {
        catsAndDogs();
        devkit.results("det_test_cat.txt").results("det_test_dog.txt").results("det_test_bird.txt", "a 0.9 1 2 3 4");
        VocReader reader = new VocReader();

        VocDetections dt = reader.readDetections(devkit.results(), gt);

        assertThat(dt.size()).isZero();
        assertThat(reader.warnings()).singleElement().asString().contains("det_test_bird.txt");
    }
}
