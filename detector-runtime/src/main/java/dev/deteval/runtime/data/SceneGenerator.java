package dev.deteval.runtime.data;

import dev.deteval.eval.geometry.Box;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lays out scenes: scene {@code i} of a generator depends only on the configuration, the seed and
 * {@code i}, so any image of a data set can be drawn again, alone and in any order.
 *
 * <p>Per scene: a background colour; a uniform number of objects in {@code [0, maxObjects]}; for each a
 * kind, a box whose sides are uniform in {@code [minSize, maxSize]} with an aspect ratio between 1:2 and
 * 2:1, and a colour at least 160 (sum of channel differences) away from the background. A box that would
 * cover more than {@code maxCover} of an earlier box, or have more than {@code maxCover} of itself
 * covered, is drawn again (up to 30 times, then the object is dropped).
 */
public final class SceneGenerator {

    private static final int ATTEMPTS = 30;
    private static final int MIN_CONTRAST = 160;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final ShapesConfig config;
    private final long seed;

    /**
     * @param config image and object settings
     * @param seed data set seed
     */
    public SceneGenerator(ShapesConfig config, long seed) {
        this.config = config;
        this.seed = seed;
    }

    /** The configuration scenes are drawn with. */
    public ShapesConfig config() {
        return config;
    }

    /**
     * The scene at a position of the data set.
     *
     * @param index 0-based image position
     */
    public Scene scene(long index) {
        SplittableRandom random = new SplittableRandom(seed * GOLDEN + index);
        int background = random.nextInt(1 << 24);
        int count = random.nextInt(config.maxObjects() + 1);
        List<SceneObject> objects = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            ShapeKind kind = ShapeKind.all().get(random.nextInt(ShapeKind.all().size()));
            Box box = place(random, objects);
            if (box != null) {
                objects.add(new SceneObject(kind, box, random.nextDouble(), contrasting(random, background)));
            }
        }
        return new Scene(config.width(), config.height(), background, random.nextLong(), objects);
    }

    private Box place(SplittableRandom random, List<SceneObject> placed) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int w = random.nextInt(config.minSize(), config.maxSize() + 1);
            int h = random.nextInt(Math.max(config.minSize(), (w + 1) / 2), Math.min(config.maxSize(), 2 * w) + 1);
            int x = random.nextInt(config.width() - w + 1);
            int y = random.nextInt(config.height() - h + 1);
            Box box = new Box(x, y, x + w, y + h);
            if (fits(box, placed)) {
                return box;
            }
        }
        return null;
    }

    private boolean fits(Box box, List<SceneObject> placed) {
        for (SceneObject other : placed) {
            double overlap = intersection(box, other.box());
            if (overlap > config.maxCover() * box.area() || overlap > config.maxCover() * other.box().area()) {
                return false;
            }
        }
        return true;
    }

    private static double intersection(Box a, Box b) {
        double w = Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1());
        double h = Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1());
        return w > 0 && h > 0 ? w * h : 0;
    }

    private static int contrasting(SplittableRandom random, int background) {
        while (true) {
            int rgb = random.nextInt(1 << 24);
            if (distance(rgb, background) >= MIN_CONTRAST) {
                return rgb;
            }
        }
    }

    private static int distance(int a, int b) {
        return Math.abs((a >> 16 & 0xFF) - (b >> 16 & 0xFF)) + Math.abs((a >> 8 & 0xFF) - (b >> 8 & 0xFF))
                + Math.abs((a & 0xFF) - (b & 0xFF));
    }
}
