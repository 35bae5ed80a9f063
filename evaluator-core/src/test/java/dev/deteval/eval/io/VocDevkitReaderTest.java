package dev.deteval.eval.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.voc.VocDataset;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class VocDevkitReaderTest {

    @TempDir
    Path dir;

    private Devkit twoImages() {
        return Devkit.in(dir).simpleXml("a", "cat 1 1 10 10 0").simpleXml("b", "dog 1 1 10 10 0");
    }

    @Test
    void read_onlySetFile_usesItAndReadsOnlyListedImages() {
        Devkit devkit = twoImages().set("val", "", "b", "  ");

        VocDataset gt = new VocReader().readGroundTruth(devkit.root);

        assertThat(gt.imageCount()).isEqualTo(1);
        assertThat(gt.imageId(0)).isEqualTo("b");
        assertThat(gt.classes()).containsExactly("dog");
    }

    @Test
    void read_severalSetsWithoutName_asksForOne() {
        Devkit devkit = twoImages().set("train", "a").set("val", "b");

        assertThatThrownBy(() -> new VocReader().readGroundTruth(devkit.root)).isInstanceOf(InputException.class)
                .hasMessageContaining(dir.resolve("ImageSets").resolve("Main").toString())
                .hasMessageContaining("2 image sets (train, val); name the one to evaluate");
    }

    @Test
    void read_namedSet_isUsed() {
        Devkit devkit = twoImages().set("train", "a").set("val", "b");

        VocDataset gt = new VocReader().withImageSet("train").readGroundTruth(devkit.root);

        assertThat(gt.imageId(0)).isEqualTo("a");
    }

    @Test
    void read_namedSetMissing_listsAvailableSets() {
        Devkit devkit = twoImages().set("train", "a");

        assertThatThrownBy(() -> new VocReader().withImageSet("test").readGroundTruth(devkit.root))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("image set 'test' not found: no test.txt; available: train");
    }

    @Test
    void read_listedImageWithoutXml_namesSetFileAndLine() {
        Devkit devkit = twoImages().set("test", "a", "zzz");

        assertThatThrownBy(() -> new VocReader().readGroundTruth(devkit.root)).isInstanceOf(InputException.class)
                .hasMessageContaining(dir.resolve("ImageSets").resolve("Main").resolve("test.txt") + ": line 2")
                .hasMessageContaining("image 'zzz' is listed, but")
                .hasMessageContaining("zzz.xml does not exist");
    }

    @Test
    void read_imageListedTwice_namesBothLines() {
        Devkit devkit = twoImages().set("test", "a", "b", "a");

        assertThatThrownBy(() -> new VocReader().readGroundTruth(devkit.root)).isInstanceOf(InputException.class)
                .hasMessageContaining("test.txt: line 3")
                .hasMessageContaining("image 'a' is listed twice (first on line 1)");
    }

    @Test
    void read_perClassSetFile_rejected() {
        Devkit devkit = twoImages().set("cat_test", "a  1", "b -1");

        assertThatThrownBy(() -> new VocReader().readGroundTruth(devkit.root)).isInstanceOf(InputException.class)
                .hasMessageContaining("cat_test.txt: line 1").hasMessageContaining("expected one image id per line");
    }

    @Test
    void read_folderWithoutAnnotations_explainsLayout() {
        assertThatThrownBy(() -> new VocReader().readGroundTruth(dir)).isInstanceOf(InputException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("has no Annotations/ folder");
    }

    @Test
    void read_missingPath_fileNotFound() {
        Path missing = dir.resolve("nothing.json");

        assertThatThrownBy(() -> new VocReader().readGroundTruth(missing)).isInstanceOf(InputException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("file not found");
    }

    @Test
    void read_imageIdClimbingOutOfTheDevkit_rejectedWithFileAndLine() {
        Devkit.in(dir.resolve("outside")).simpleXml("x", "cat 1 1 10 10 0");
        Devkit devkit = Devkit.in(dir.resolve("devkit")).simpleXml("a", "cat 1 1 10 10 0")
                .set("test", "a", "../../outside/Annotations/x");

        assertThatThrownBy(() -> new VocReader().readGroundTruth(devkit.root)).isInstanceOf(InputException.class)
                .hasMessage(devkit.root.resolve("ImageSets").resolve("Main").resolve("test.txt") + ": line 2: image id"
                        + " '../../outside/Annotations/x' is not a plain file name; ids name files in Annotations/ and"
                        + " may not contain / or \\ or be . or ..");
    }

    @Test
    void read_absoluteImageId_rejectedWithFileAndLine() {
        Devkit outside = Devkit.in(dir.resolve("outside")).simpleXml("x", "cat 1 1 10 10 0");
        String absolute = outside.root.resolve("Annotations").resolve("x").toAbsolutePath().toString();
        Devkit devkit = Devkit.in(dir.resolve("devkit")).set("test", absolute);

        assertThatThrownBy(() -> new VocReader().readGroundTruth(devkit.root)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(devkit.root.resolve("ImageSets").resolve("Main").resolve("test.txt")
                        + ": line 1: image id '")
                .hasMessageContaining("is not a plain file name");
    }

    @Test
    void read_unreadableXml_messageGivesTheReason() throws Exception {
        Devkit devkit = twoImages().set("test", "a");
        Path xml = devkit.root.resolve("Annotations").resolve("a.xml");
        java.nio.file.Files.delete(xml);
        java.nio.file.Files.createSymbolicLink(xml, Unreadable.file(dir));

        assertThatThrownBy(() -> new VocReader().readGroundTruth(devkit.root)).isInstanceOf(InputException.class)
                .hasMessage(xml + ": cannot be read: permission denied");
    }
}
