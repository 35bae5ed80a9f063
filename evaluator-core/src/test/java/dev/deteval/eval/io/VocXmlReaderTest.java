package dev.deteval.eval.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.voc.VocDataset;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class VocXmlReaderTest {

    @TempDir
    Path dir;

    /** A devkit with image "a" whose annotation has these lines. */
    private Devkit withXml(String... lines) {
        return Devkit.in(dir).set("test", "a").xml("a", lines);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertReadFails(Devkit devkit) {
        return assertThatThrownBy(() -> new VocReader().readGroundTruth(devkit.root))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(dir.resolve("Annotations").resolve("a.xml").toString());
    }

    @Test
    void read_objectsWithPartsAndExtraElements_takesOnlyTheObjectsOwnFields() {
        VocDataset gt = new VocReader().readGroundTruth(withXml(
                "<?xml version=\"1.0\"?>",
                "<annotation>",
                "  <size><width>500</width><height>375</height></size>",
                "  <object>",
                "    <name> person </name>",
                "    <pose>Left</pose>",
                "    <bndbox><xmin>10</xmin><ymin>20.5</ymin><xmax>110</xmax><ymax>220</ymax></bndbox>",
                "    <part><name>head</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox></part>",
                "    <!-- no difficult element: 0 -->",
                "  </object>",
                "  <object><name>dog</name><difficult>1</difficult>",
                "    <bndbox><xmin>1</xmin><ymin>2</ymin><xmax>3</xmax><ymax>4</ymax></bndbox></object>",
                "</annotation>").root);

        assertThat(gt.classes()).containsExactly("dog", "person");
        assertThat(gt.objectCount()).isEqualTo(2);
        assertThat(gt.boxColumn()).containsExactly(10, 20.5, 110, 220, 1, 2, 3, 4);
        assertThat(gt.classIndexColumn()).containsExactly(1, 0);
        assertThat(gt.difficultColumn()).containsExactly(false, true);
    }

    @Test
    void read_missingBndbox_namesFileAndObjectLine() {
        assertReadFails(withXml(
                "<annotation>",
                "  <object>",
                "    <name>cat</name>",
                "  </object>",
                "</annotation>"))
                .hasMessageContaining("line 2").hasMessageContaining("<object> 'cat' has no <bndbox>");
    }

    @Test
    void read_nonNumericCoordinate_namesLineAndText() {
        assertReadFails(withXml(
                "<annotation>",
                "  <object>",
                "    <name>cat</name>",
                "    <bndbox>",
                "      <xmin>1</xmin>",
                "      <ymin>abc</ymin>",
                "      <xmax>10</xmax>",
                "      <ymax>10</ymax>",
                "    </bndbox>",
                "  </object>",
                "</annotation>"))
                .hasMessageContaining("line 6").hasMessageContaining("<ymin> is not a number: 'abc'");
    }

    @Test
    void read_xmaxBelowXmin_namesBndboxLine() {
        assertReadFails(withXml(
                "<annotation>",
                "  <object>",
                "    <name>cat</name>",
                "    <bndbox><xmin>20</xmin><ymin>1</ymin><xmax>10</xmax><ymax>10</ymax></bndbox>",
                "  </object>",
                "</annotation>"))
                .hasMessageContaining("line 4").hasMessageContaining("xmax (10.0) is less than xmin (20.0)");
    }

    @Test
    void read_missingCoordinate_namesIt() {
        assertReadFails(withXml(
                "<annotation>",
                "  <object><name>cat</name>",
                "    <bndbox><xmin>1</xmin><ymin>1</ymin><xmax>10</xmax></bndbox>",
                "  </object>",
                "</annotation>"))
                .hasMessageContaining("line 3").hasMessageContaining("<bndbox> has no <ymax>");
    }

    @Test
    void read_missingName_namesObjectLine() {
        assertReadFails(withXml(
                "<annotation>",
                "  <object>",
                "    <bndbox><xmin>1</xmin><ymin>1</ymin><xmax>10</xmax><ymax>10</ymax></bndbox>",
                "  </object>",
                "</annotation>"))
                .hasMessageContaining("line 2").hasMessageContaining("<object> has no <name>");
    }

    @Test
    void read_difficultNotAnInteger_namesLine() {
        assertReadFails(withXml(
                "<annotation>",
                "  <object><name>cat</name>",
                "    <difficult>yes</difficult>",
                "    <bndbox><xmin>1</xmin><ymin>1</ymin><xmax>10</xmax><ymax>10</ymax></bndbox>",
                "  </object>",
                "</annotation>"))
                .hasMessageContaining("line 3").hasMessageContaining("<difficult> must be 0 or 1, got 'yes'");
    }

    @Test
    void read_elementInsideCoordinate_rejected() {
        assertReadFails(withXml(
                "<annotation>",
                "  <object><name>cat</name>",
                "    <bndbox><xmin><v>1</v></xmin><ymin>1</ymin><xmax>10</xmax><ymax>10</ymax></bndbox>",
                "  </object>",
                "</annotation>"))
                .hasMessageContaining("line 3").hasMessageContaining("<xmin> must hold text only, found <v>");
    }

    @Test
    void read_malformedXml_namesLine() {
        assertReadFails(withXml(
                "<annotation>",
                "  <object><name>cat</name>",
                "  </objekt>",
                "</annotation>"))
                .hasMessageContaining("line 3").hasMessageContaining("malformed XML");
    }

    @Test
    void read_wrongRootElement_rejected() {
        assertReadFails(withXml("<annotations></annotations>"))
                .hasMessageContaining("line 1").hasMessageContaining("root element is <annotations>");
    }

    @Test
    void read_givenClasses_skipsOtherObjectsWithWarning() {
        Devkit devkit = Devkit.in(dir).set("test", "a").simpleXml("a", "cat 1 1 10 10 0", "dog 1 1 10 10 0",
                "dog 5 5 10 10 1");
        VocReader reader = new VocReader().withClasses(List.of("cat"));

        VocDataset gt = reader.readGroundTruth(devkit.root);

        assertThat(gt.objectCount()).isEqualTo(1);
        assertThat(reader.warnings()).singleElement().asString().contains("2 object(s)").contains("dog (2)");
    }
}
