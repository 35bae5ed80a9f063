package dev.deteval.eval.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.voc.VocDataset;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

final class VocSimpleJsonReaderTest {

    static VocDataset read(VocReader reader, String... lines) {
        return reader.readSimpleJson(new ByteArrayInputStream(Devkit.lines(lines).getBytes(StandardCharsets.UTF_8)),
                "gt.json");
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertReadFails(String... lines) {
        return assertThatThrownBy(() -> read(new VocReader(), lines)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("gt.json: ");
    }

    @Test
    void read_membersInAnyOrder_sameDataset() {
        VocDataset gt = read(new VocReader(),
                "{\"images\": [{\"objects\": [{\"bbox\": [1, 2, 3, 4], \"name\": \"dog\", \"difficult\": true}],",
                "              \"id\": \"000012\", \"width\": 500}],",
                " \"classes\": [\"dog\", \"cat\"], \"format\": \"voc-simple/1\"}");

        assertThat(gt.classes()).containsExactly("dog", "cat");
        assertThat(gt.imageId(0)).isEqualTo("000012");
        assertThat(gt.boxColumn()).containsExactly(1, 2, 3, 4);
        assertThat(gt.difficultColumn()).containsExactly(true);
    }

    @Test
    void read_withoutClasses_sortsNames() {
        VocDataset gt = read(new VocReader(), "{\"format\": \"voc-simple/1\", \"images\": [{\"id\": \"a\", \"objects\": [",
                "{\"name\": \"dog\", \"bbox\": [1, 1, 2, 2]}, {\"name\": \"cat\", \"bbox\": [1, 1, 2, 2]}]}]}");

        assertThat(gt.classes()).containsExactly("cat", "dog");
    }

    @Test
    void read_givenClasses_overrideFileAndSkipOthers() {
        VocReader reader = new VocReader().withClasses(List.of("dog"));

        VocDataset gt = read(reader, "{\"format\": \"voc-simple/1\", \"classes\": [\"cat\", \"dog\"],",
                "\"images\": [{\"id\": \"a\", \"objects\": [{\"name\": \"dog\", \"bbox\": [1, 1, 2, 2]},",
                "{\"name\": \"cat\", \"bbox\": [1, 1, 2, 2]}]}]}");

        assertThat(gt.classes()).containsExactly("dog");
        assertThat(gt.objectCount()).isEqualTo(1);
        assertThat(reader.warnings()).singleElement().asString().contains("cat (1)");
    }

    @Test
    void read_missingFormat_explains() {
        assertReadFails("{\"images\": []}").hasMessageContaining("missing member 'format'");
    }

    @Test
    void read_otherFormat_rejected() {
        assertReadFails("{\"format\": \"voc-simple/2\", \"images\": []}")
                .hasMessageContaining("unsupported format \"voc-simple/2\"");
    }

    @Test
    void read_undeclaredClass_namesObjectPathAndLine() {
        assertReadFails("{\"format\": \"voc-simple/1\", \"classes\": [\"cat\"], \"images\": [{\"id\": \"a\", \"objects\": [",
                "  {\"name\": \"cat\", \"bbox\": [1, 1, 2, 2]},",
                "  {\"name\": \"dgo\", \"bbox\": [1, 1, 2, 2]}]}]}")
                .hasMessageContaining("images[0].objects[1].name (line 3")
                .hasMessageContaining("class 'dgo' is not listed in 'classes' [cat]");
    }

    @Test
    void read_bboxOfThreeNumbers_namesPathAndLine() {
        assertReadFails("{\"format\": \"voc-simple/1\", \"images\": [{\"id\": \"a\", \"objects\": [",
                "  {\"name\": \"cat\", \"bbox\": [1, 1, 2]}]}]}")
                .hasMessageContaining("images[0].objects[0].bbox (line 2")
                .hasMessageContaining("expected 4 numbers [xmin, ymin, xmax, ymax], got 3");
    }

    @Test
    void read_invertedBbox_rejected() {
        assertReadFails("{\"format\": \"voc-simple/1\", \"images\": [{\"id\": \"a\", \"objects\": [",
                "  {\"name\": \"cat\", \"bbox\": [1, 5, 2, 4]}]}]}")
                .hasMessageContaining("images[0].objects[0].bbox (line 2")
                .hasMessageContaining("nor ymax less than ymin");
    }

    @Test
    void read_objectWithoutName_rejected() {
        assertReadFails("{\"format\": \"voc-simple/1\", \"images\": [{\"id\": \"a\", \"objects\": [",
                "  {\"bbox\": [1, 1, 2, 2]}]}]}")
                .hasMessageContaining("images[0].objects[0]").hasMessageContaining("missing required field 'name'");
    }

    @Test
    void read_duplicateImage_rejected() {
        assertReadFails("{\"format\": \"voc-simple/1\", \"images\": [{\"id\": \"a\"},", "{\"id\": \"a\"}]}")
                .hasMessageContaining("images[1].id (line 2").hasMessageContaining("image 'a' is listed twice");
    }

    @Test
    void read_numericImageIdWithoutFormat_hintsAtCoco() {
        assertReadFails("{\"images\": [{\"id\": 12, \"file_name\": \"x.jpg\"}], \"annotations\": []}")
                .hasMessageContaining("images[0].id").hasMessageContaining("COCO JSON?");
    }

    @Test
    void read_malformedJson_namesLineAndColumn() {
        assertReadFails("{\"format\": \"voc-simple/1\",", "  \"images\": [}")
                .hasMessageContaining("line 2, column").hasMessageContaining("malformed JSON");
    }
}
