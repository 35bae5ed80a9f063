package dev.deteval.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.geometry.Box;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SceneRendererTest {

    private static final int RED = 0xC81E1E;
    private static final int BLUE = 0x1E1EC8;

    private static Scene oneRectangle(long noiseSeed) {
        return new Scene(32, 32, BLUE, noiseSeed, List.of(new SceneObject(ShapeKind.RECTANGLE, new Box(8, 8, 20, 16),
                0.5, RED)));
    }

    @Test
    void render_noNoise_insideIsObjectColourOutsideIsBackground() {
        BufferedImage image = new SceneRenderer(0).render(oneRectangle(1));
        assertThat(image.getRGB(10, 10) & 0xFFFFFF).isEqualTo(RED);
        assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(BLUE);
        assertThat(image.getRGB(20, 10) & 0xFFFFFF).isEqualTo(BLUE);
    }

    @Test
    void render_noise_staysWithinAmplitudeAndRepeatsForTheSameSeed() {
        BufferedImage a = new SceneRenderer(12).render(oneRectangle(5));
        BufferedImage b = new SceneRenderer(12).render(oneRectangle(5));
        int red = a.getRGB(10, 10) >> 16 & 0xFF;
        assertThat(red).isBetween((RED >> 16) - 12, (RED >> 16) + 12);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                assertThat(a.getRGB(x, y)).isEqualTo(b.getRGB(x, y));
            }
        }
    }

    @Test
    void renderInto_channelFirstScaledToUnit() {
        float[] pixels = new float[3 * 32 * 32 + 1];
        new SceneRenderer(0).renderInto(oneRectangle(1), pixels, 1);
        int at = 10 * 32 + 10;
        // the renderer multiplies by the float 1/255 (one rounding more than a division would make)
        assertThat(pixels[1 + at]).isEqualTo((RED >> 16) * (1f / 255f));
        assertThat(pixels[1 + 32 * 32 + at]).isEqualTo((RED >> 8 & 0xFF) * (1f / 255f));
        assertThat(pixels[1 + 2 * 32 * 32 + at]).isEqualTo((RED & 0xFF) * (1f / 255f));
    }
}
