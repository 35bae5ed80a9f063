package dev.deteval.runtime.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import dev.deteval.runtime.convert.DjlBoxes;
import java.util.Arrays;
import java.util.Objects;

/**
 * The synthetic shapes data set as a DJL {@link RandomAccessDataset}, held in memory: nothing is
 * downloaded or read from disk. Record {@code i} is scene {@code i} of a {@link SceneGenerator}, drawn when
 * it is asked for (drawing is cheaper than keeping tens of thousands of images), so a large data set
 * costs no memory and the same index always gives the same image.
 *
 * <p>Data: one float32 array {@code (3, H, W)}, RGB scaled to [0, 1]. Labels: whatever the builder's
 * {@link LabelEncoder} makes of the scene; by default {@link #boxLabels(int)}.
 */
public final class ShapesDataset extends RandomAccessDataset {

    private final SceneGenerator generator;
    private final SceneRenderer renderer;
    private final LabelEncoder labels;
    private final long size;

    private ShapesDataset(Builder builder) {
        super(builder);
        this.generator = new SceneGenerator(builder.config, builder.seed);
        this.renderer = new SceneRenderer(builder.config.noise());
        this.labels = builder.labels;
        this.size = builder.size;
    }

    /**
     * Starts a data set.
     *
     * @param size number of images, at least 1
     * @param seed data set seed: the same seed and configuration give the same images
     */
    public static Builder builder(long size, long seed) {
        return new Builder(size, seed);
    }

    /**
     * The default labels: a {@code (maxObjects, 5)} float32 array with one row {@code [class, x1, y1, x2,
     * y2]} per object (class = channel index, edges normalised to [0, 1] as DJL's detection data sets
     * give them), padded with rows of -1.
     *
     * @param maxObjects rows in the array
     */
    public static LabelEncoder boxLabels(int maxObjects) {
        return (manager, scene) -> {
            float[] rows = new float[5 * maxObjects];
            Arrays.fill(rows, -1f);
            int k = 0;
            for (SceneObject object : scene.objects()) {
                float[] normalised = DjlBoxes.toNormalisedEdges(object.box(),
                        scene.width(), scene.height());
                rows[5 * k] = object.kind().ordinal();
                System.arraycopy(normalised, 0, rows, 5 * k + 1, 4);
                k++;
            }
            return new NDList(manager.create(rows, new Shape(maxObjects, 5)));
        };
    }

    /** The scene generator behind the records. */
    public SceneGenerator generator() {
        return generator;
    }

    @Override
    public Record get(NDManager manager, long index) {
        Scene scene = generator.scene(index);
        ShapesConfig config = generator.config();
        float[] pixels = new float[3 * config.width() * config.height()];
        renderer.renderInto(scene, pixels, 0);
        NDList data = new NDList(manager.create(pixels, new Shape(3, config.height(), config.width())));
        return new Record(data, labels.encode(manager, scene));
    }

    @Override
    protected long availableSize() {
        return size;
    }

    @Override
    public void prepare(Progress progress) {
        // nothing to download or read: records are drawn on demand
    }

    /** Settings of a {@link ShapesDataset}. */
    public static final class Builder extends BaseBuilder<Builder> {

        private final long size;
        private final long seed;
        private ShapesConfig config = ShapesConfig.DEFAULT;
        private LabelEncoder labels;

        private Builder(long size, long seed) {
            if (size < 1) {
                throw new IllegalArgumentException("a data set needs at least one image, got " + size);
            }
            this.size = size;
            this.seed = seed;
        }

        /** Sets image and object settings; defaults to {@link ShapesConfig#DEFAULT}. */
        public Builder optConfig(ShapesConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** Sets how labels are made; defaults to {@link ShapesDataset#boxLabels(int)}. */
        public Builder optLabels(LabelEncoder encoder) {
            this.labels = Objects.requireNonNull(encoder, "encoder");
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Builds the data set; call {@code setSampling} first, as for every DJL data set. */
        public ShapesDataset build() {
            if (labels == null) {
                labels = boxLabels(config.maxObjects());
            }
            return new ShapesDataset(this);
        }
    }
}
