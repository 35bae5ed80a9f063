package dev.deteval.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.geometry.Box;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class SceneGeneratorTest {

    private static final ShapesConfig CONFIG = ShapesConfig.DEFAULT;

    @Test
    void scene_sameSeedAndIndex_sameScene() {
        assertThat(new SceneGenerator(CONFIG, 7).scene(123)).isEqualTo(new SceneGenerator(CONFIG, 7).scene(123));
    }

    @Test
    void scene_otherSeed_otherScene() {
        assertThat(new SceneGenerator(CONFIG, 7).scene(3)).isNotEqualTo(new SceneGenerator(CONFIG, 8).scene(3));
    }

    @Test
    void scene_manyImages_objectsInsideImageWithConfiguredSizesAndLimitedOverlap() {
        SceneGenerator generator = new SceneGenerator(CONFIG, 1);
        for (int i = 0; i < 500; i++) {
            List<SceneObject> objects = generator.scene(i).objects();
            assertThat(objects.size()).isBetween(0, CONFIG.maxObjects());
            for (int a = 0; a < objects.size(); a++) {
                Box box = objects.get(a).box();
                assertThat(box.x1()).isGreaterThanOrEqualTo(0);
                assertThat(box.x2()).isLessThanOrEqualTo(CONFIG.width());
                assertThat(box.y2()).isLessThanOrEqualTo(CONFIG.height());
                assertThat(box.width()).isBetween((double) CONFIG.minSize(), (double) CONFIG.maxSize());
                assertThat(box.height()).isBetween((double) CONFIG.minSize(), (double) CONFIG.maxSize());
                for (int b = 0; b < a; b++) {
                    Box other = objects.get(b).box();
                    double overlap = Math.max(0, Math.min(box.x2(), other.x2()) - Math.max(box.x1(), other.x1()))
                            * Math.max(0, Math.min(box.y2(), other.y2()) - Math.max(box.y1(), other.y1()));
                    assertThat(overlap).isLessThanOrEqualTo(CONFIG.maxCover() * Math.min(box.area(), other.area()));
                }
            }
        }
    }

    @Test
    void scene_manyImages_everyKindAndBothCocoAreaRangesAndEmptyImagesOccur() {
        SceneGenerator generator = new SceneGenerator(CONFIG, 1);
        Set<ShapeKind> kinds = EnumSet.noneOf(ShapeKind.class);
        int small = 0;
        int medium = 0;
        int empty = 0;
        for (int i = 0; i < 500; i++) {
            List<SceneObject> objects = generator.scene(i).objects();
            empty += objects.isEmpty() ? 1 : 0;
            for (SceneObject object : objects) {
                kinds.add(object.kind());
                if (object.box().area() < 32 * 32) {
                    small++;
                } else {
                    medium++;
                }
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder(ShapeKind.values());
        assertThat(small).isPositive();
        assertThat(medium).isPositive();
        assertThat(empty).isPositive();
    }
}
