package dev.deteval.spark;

import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.IouType;
import java.io.Serializable;

/**
 * {@link CocoParams} in a form Spark can ship to executors: every field as given by its accessor, rebuilt
 * through the builder there (explicit values, so the executors see the same doubles as the driver).
 */
final class ParamsCarrier implements Serializable {

    private static final long serialVersionUID = 1L;

    private final CocoMode mode;
    private final IouType iouType;
    private final double[] sigmas;
    private final double[] iouThrs;
    private final double[] recThrs;
    private final int[] maxDets;
    private final double[][] areaRng;
    private final String[] areaRngLbl;
    private final boolean useCats;
    private final long[] imgIds;
    private final long[] catIds;
    private transient CocoParams params;

    ParamsCarrier(CocoParams p) {
        mode = p.mode();
        iouType = p.iouType();
        sigmas = p.kptOksSigmas();
        iouThrs = p.iouThrs();
        recThrs = p.recThrs();
        maxDets = p.maxDets();
        areaRng = p.areaRng();
        areaRngLbl = p.areaRngLbl();
        useCats = p.useCats();
        imgIds = p.imgIds();
        catIds = p.catIds();
    }

    /** The parameters (built once per deserialized copy). */
    CocoParams params() {
        if (params == null) {
            params = CocoParams.builder(mode).optIouType(iouType).optKptOksSigmas(sigmas).optIouThrs(iouThrs)
                    .optRecThrs(recThrs).optMaxDets(maxDets).optAreaRanges(areaRng, areaRngLbl)
                    .optUseCats(useCats).optImgIds(imgIds).optCatIds(catIds).build();
        }
        return params;
    }
}
