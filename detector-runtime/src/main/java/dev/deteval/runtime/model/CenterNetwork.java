package dev.deteval.runtime.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import dev.deteval.runtime.activation.Relu;
import dev.deteval.runtime.pooling.MaxPooling;
import dev.deteval.runtime.pooling.PoolWindow;

/**
 * The detector's network: a small fully convolutional trunk and one shared head, stride 4.
 *
 * <pre>
 *   (N, 3, H, W)
 *   conv3x3 w/4 · BN · ReLU  → maxpool 2   (N, w/4, H/2, W/2)
 *   conv3x3 w/2 · BN · ReLU  → maxpool 2   (N, w/2, H/4, W/4)
 *   conv3x3 w   · BN · ReLU                 dilation 1
 *   conv3x3 w   · BN · ReLU                 dilation 2
 *   conv3x3 w   · BN · ReLU                 dilation 4   (receptive field ≈ 90 px)
 *   conv3x3 w   · BN · ReLU                 head
 *   conv1x1 classes + 4, with bias          (N, classes + 4, H/4, W/4)
 * </pre>
 * The convolutions before batch norm have no bias (batch norm's shift replaces it). ReLU is this module's
 * {@link Relu}, pooling its {@link MaxPooling}.
 */
public final class CenterNetwork {

    /** Output stride of the network. */
    public static final int STRIDE = 4;
    /** ε of every batch norm (DJL's default, stated so that inference can fold batch norm into the convolutions). */
    public static final float BATCH_NORM_EPSILON = 1e-5f;

    private CenterNetwork() {
    }

    /**
     * Builds an uninitialised network.
     *
     * @param classes object classes
     * @param width channels of the stride-4 layers (the first two layers have a quarter and a half), a
     *     positive multiple of 4
     */
    public static SequentialBlock build(int classes, int width) {
        if (width < 4 || width % 4 != 0) {
            throw new IllegalArgumentException("width must be a positive multiple of 4, got " + width);
        }
        SequentialBlock net = new SequentialBlock();
        convBnRelu(net, width / 4, 1);
        net.add(halve());
        convBnRelu(net, width / 2, 1);
        net.add(halve());
        convBnRelu(net, width, 1);
        convBnRelu(net, width, 2);
        convBnRelu(net, width, 4);
        convBnRelu(net, width, 1);
        net.add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(classes + GridLayout.BOX_CHANNELS)
                .build());
        return net;
    }

    private static Block halve() {
        MaxPooling pool = new MaxPooling(new PoolWindow(2, 2, 0));
        return LambdaBlock.singleton(pool::forward, "maxPool");
    }

    private static void convBnRelu(SequentialBlock net, int filters, int dilation) {
        net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(dilation, dilation))
                .optDilation(new Shape(dilation, dilation)).setFilters(filters).optBias(false).build());
        net.add(BatchNorm.builder().optEpsilon(BATCH_NORM_EPSILON).build());
        net.add(new Relu().asBlock());
    }
}
