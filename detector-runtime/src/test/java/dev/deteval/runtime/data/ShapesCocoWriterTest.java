package dev.deteval.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.data.Category;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ShapesCocoWriterTest {

    @TempDir
    Path dir;

    @Test
    void write_fiveImages_jsonReadsBackAsTheInMemoryGroundTruth() {
        SceneGenerator generator = new SceneGenerator(ShapesConfig.DEFAULT, 3);
        ShapesCocoWriter.Written written = new ShapesCocoWriter(generator).write(dir, 5);

        GroundTruth read = new CocoJsonReader().readGroundTruth(dir.resolve(ShapesCocoWriter.INSTANCES));
        GroundTruth expected = ShapesGroundTruth.of(generator, 5);
        assertThat(written.images()).isEqualTo(5);
        assertThat(written.annotations()).isEqualTo(expected.annotationCount());
        assertThat(read.imageCount()).isEqualTo(5);
        assertThat(read.imageFileName(0)).isEqualTo("000001.png");
        assertThat(read.categories()).isEqualTo(expected.categories().stream()
                .map(c -> new Category(c.id(), c.name(), "shape")).toList());
        assertThat(read.boxColumn()).containsExactly(expected.boxColumn());
        assertThat(read.areaColumn()).containsExactly(expected.areaColumn());
        assertThat(read.categoryIdColumn()).containsExactly(expected.categoryIdColumn());
        assertThat(read.imageIdColumn()).containsExactly(expected.imageIdColumn());
    }

    @Test
    void write_png_holdsTheRenderedPixels() throws IOException {
        SceneGenerator generator = new SceneGenerator(ShapesConfig.DEFAULT, 3);
        new ShapesCocoWriter(generator).write(dir, 2);

        BufferedImage png = ImageIO.read(dir.resolve(ShapesCocoWriter.IMAGES).resolve("000002.png").toFile());
        BufferedImage drawn = new SceneRenderer(ShapesConfig.DEFAULT.noise()).render(generator.scene(1));
        for (int y = 0; y < drawn.getHeight(); y++) {
            for (int x = 0; x < drawn.getWidth(); x++) {
                assertThat(png.getRGB(x, y)).isEqualTo(drawn.getRGB(x, y));
            }
        }
    }

    @Test
    void write_zeroImages_isRejected() {
        assertThatThrownBy(() -> new ShapesCocoWriter(new SceneGenerator(ShapesConfig.DEFAULT, 1)).write(dir, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--images must be at least 1, got 0");
    }
}
