package dev.deteval.spark;

import dev.deteval.eval.coco.OutcomeMerge;
import dev.deteval.eval.coco.OutcomeRows;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * The executor side of the second stage: a partition holds whole categories, sorted by (category row,
 * image id); each category's outcome rows go through evaluator-core's {@link OutcomeMerge#accumulate}
 * (the merged score order and the precision/recall tables). Statistics rows are summed into one row.
 */
final class CategoryTask implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final ParamsCarrier params;

    CategoryTask(ParamsCarrier params) {
        this.params = params;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        List<Row> out = new ArrayList<>();
        List<OutcomeRows> groups = new ArrayList<>();
        int current = -1;
        long unknown = 0;
        Long missingDt = null;
        Long missingGt = null;
        boolean stats = false;
        while (rows.hasNext()) {
            Row r = rows.next();
            int k = r.getInt(0);
            if (k < 0) {
                stats = true;
                unknown += r.getLong(8);
                missingDt = min(missingDt, r.isNullAt(9) ? null : r.getLong(9));
                missingGt = min(missingGt, r.isNullAt(10) ? null : r.getLong(10));
                continue;
            }
            if (k != current && !groups.isEmpty()) {
                out.add(OutcomeSchema.category(OutcomeMerge.accumulate(params.params(), current, groups)));
                groups = new ArrayList<>();
            }
            current = k;
            groups.add(OutcomeSchema.outcomeRows(r));
        }
        if (!groups.isEmpty()) {
            out.add(OutcomeSchema.category(OutcomeMerge.accumulate(params.params(), current, groups)));
        }
        if (stats) {
            out.add(OutcomeSchema.categoryStats(unknown, missingDt, missingGt));
        }
        return out.iterator();
    }

    /** The smaller of two optional ids (null when both are absent). */
    static Long min(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
    }
}
