package dev.deteval.runtime.inference;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.nms.Nms;
import dev.deteval.eval.nms.NmsConfig;
import dev.deteval.eval.nms.NmsResult;
import dev.deteval.runtime.data.ShapeKind;
import dev.deteval.runtime.model.DetectorSpec;
import dev.deteval.runtime.model.GridLayout;
import java.util.Arrays;

/**
 * Runs the detector on images and returns COCO detections in pixels: network forward pass (inference mode, with
 * batch norm {@link FoldedNetwork folded} into the convolutions), {@link CenterDecoder peak decoding}, then
 * evaluator-core's
 * {@link Nms} per image and class (IoU &gt; 0.5 suppresses, at most 100 boxes per image). Category ids are
 * {@link ShapeKind#categoryId()}.
 *
 * <p>Each batch's arrays live in a sub-manager closed before the next batch, so a long run keeps the number
 * of live native arrays constant. The folded weights are a snapshot of the model's parameters taken by the
 * constructor and freed by {@link #close()}. Not thread-safe: use one instance per thread.
 */
public final class Detector implements AutoCloseable {

    /** Lowest score kept before NMS. */
    public static final double MIN_SCORE = 0.01;
    /** Most detections per image (COCO's largest maxDets). */
    public static final int MAX_DETECTIONS = 100;
    /** NMS IoU threshold: a box is suppressed by a better one of its class with IoU above this. */
    public static final double NMS_IOU = 0.5;

    private final NDManager manager;
    private final FoldedNetwork network;
    private final GridLayout layout;
    private final CenterDecoder decoder;
    private final NmsConfig nms;

    /**
     * A detector over a snapshot of a model's current parameters (also while the model trains, between steps).
     *
     * @param model a model holding the {@link dev.deteval.runtime.model.CenterNetwork}
     * @param spec the network's shape
     */
    public Detector(Model model, DetectorSpec spec) {
        if (!(model.getBlock() instanceof SequentialBlock sequential)) {
            throw new IllegalArgumentException("the detector runs a sequential network, got "
                    + model.getBlock().getClass().getSimpleName());
        }
        this.manager = model.getNDManager();
        this.network = new FoldedNetwork(sequential, manager);
        this.layout = spec.layout();
        this.decoder = new CenterDecoder(layout, MIN_SCORE, MAX_DETECTIONS);
        this.nms = NmsConfig.builder(NMS_IOU).optMaxDetections(MAX_DETECTIONS).build();
    }

    /**
     * Detects objects in every image of a source.
     *
     * @param images images of the model's input size
     * @param batchSize images per forward pass, at least 1
     * @return detections with boxes in pixels
     * @throws IllegalArgumentException when the images are not of the model's input size
     */
    public Detections detect(ImageSource images, int batchSize) {
        if (images.width() != layout.imageWidth() || images.height() != layout.imageHeight()) {
            throw new IllegalArgumentException("images are " + images.width() + " x " + images.height()
                    + " pixels, the model expects " + layout.imageWidth() + " x " + layout.imageHeight());
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        int imageFloats = 3 * layout.imageWidth() * layout.imageHeight();
        float[] pixels = new float[batchSize * imageFloats];
        Detections.Builder out = Detections.builder(images.count() * 4);
        for (int start = 0; start < images.count(); start += batchSize) {
            int n = Math.min(batchSize, images.count() - start);
            for (int i = 0; i < n; i++) {
                images.fill(start + i, pixels, i * imageFloats);
            }
            float[] output = forward(pixels, n);
            for (int i = 0; i < n; i++) {
                add(out, images.imageId(start + i), decoder.decode(output, i));
            }
        }
        return out.build();
    }

    /**
     * The raw network output of a batch.
     *
     * @param pixels at least {@code n} images {@code (3, H, W)}, one after another
     * @param n images in the batch
     * @return {@code (n, classes + 4, rows, cols)} flattened
     */
    float[] forward(float[] pixels, int n) {
        int imageFloats = 3 * layout.imageWidth() * layout.imageHeight();
        try (NDManager scope = manager.newSubManager()) {
            float[] batch = n * imageFloats == pixels.length ? pixels : Arrays.copyOf(pixels, n * imageFloats);
            NDArray x = scope.create(batch, new Shape(n, 3, layout.imageHeight(), layout.imageWidth()));
            return network.forward(x).toFloatArray();
        }
    }

    /** Frees the folded weights. */
    @Override
    public void close() {
        network.close();
    }

    private void add(Detections.Builder out, long imageId, CenterDecoder.Candidates candidates) {
        if (candidates.size() == 0) {
            return;
        }
        NmsResult kept = Nms.run(candidates.boxes(), candidates.scores(), candidates.classIds(), nms);
        double[] b = candidates.boxes();
        for (int k = 0; k < kept.size(); k++) {
            int i = kept.indices()[k];
            long category = ShapeKind.all().get(candidates.classIds()[i]).categoryId();
            out.add(imageId, category, b[4 * i], b[4 * i + 1], b[4 * i + 2] - b[4 * i], b[4 * i + 3] - b[4 * i + 1],
                    kept.scores()[k]);
        }
    }
}
