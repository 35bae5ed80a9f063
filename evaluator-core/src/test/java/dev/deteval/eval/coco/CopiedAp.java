package dev.deteval.eval.coco;

import java.util.Arrays;

/**
 * A custom metric registered through {@code META-INF/services} in the test resources: COCO AP over area
 * {@code all} computed from the match view with every factor 1, which must equal the evaluation's AP (and
 * its bootstrap interval the AP's).
 */
public final class CopiedAp implements CustomMetric {

    /** The service-loaded instance. */
    public CopiedAp() {
    }

    @Override
    public String name() {
        return "APcopy";
    }

    @Override
    public String description() {
        return "AP recomputed from the match view";
    }

    @Override
    public double compute(MatchView view) {
        double[] ones = new double[view.imageCount()];
        Arrays.fill(ones, 1.0);
        return view.averagePrecision(view.areaIndex("all"), ones);
    }
}
