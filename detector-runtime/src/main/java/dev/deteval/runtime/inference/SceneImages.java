package dev.deteval.runtime.inference;

import dev.deteval.runtime.data.SceneGenerator;
import dev.deteval.runtime.data.SceneRenderer;
import dev.deteval.runtime.data.ShapesGroundTruth;

/**
 * The first scenes of a generator as images, drawn on demand, with the ids of
 * {@link ShapesGroundTruth}.
 */
public final class SceneImages implements ImageSource {

    private final SceneGenerator generator;
    private final SceneRenderer renderer;
    private final int count;

    /**
     * @param generator the scenes
     * @param count number of images, from scene 0
     */
    public SceneImages(SceneGenerator generator, int count) {
        this.generator = generator;
        this.renderer = new SceneRenderer(generator.config().noise());
        this.count = count;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public int width() {
        return generator.config().width();
    }

    @Override
    public int height() {
        return generator.config().height();
    }

    @Override
    public long imageId(int index) {
        return ShapesGroundTruth.imageId(index);
    }

    @Override
    public void fill(int index, float[] target, int offset) {
        renderer.renderInto(generator.scene(index), target, offset);
    }
}
