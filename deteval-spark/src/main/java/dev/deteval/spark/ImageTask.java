package dev.deteval.spark;

import static dev.deteval.spark.Columns.D_AREA;
import static dev.deteval.spark.Columns.D_BBOX;
import static dev.deteval.spark.Columns.D_CATEGORY;
import static dev.deteval.spark.Columns.D_KEYPOINTS;
import static dev.deteval.spark.Columns.D_MASK_COUNTS;
import static dev.deteval.spark.Columns.D_MASK_HEIGHT;
import static dev.deteval.spark.Columns.D_MASK_WIDTH;
import static dev.deteval.spark.Columns.D_SCORE;
import static dev.deteval.spark.Columns.D_SEQ;
import static dev.deteval.spark.Columns.G_AREA;
import static dev.deteval.spark.Columns.G_BBOX;
import static dev.deteval.spark.Columns.G_CATEGORY;
import static dev.deteval.spark.Columns.G_CROWD;
import static dev.deteval.spark.Columns.G_ID;
import static dev.deteval.spark.Columns.G_IGNORE;
import static dev.deteval.spark.Columns.G_IS_IMAGE;
import static dev.deteval.spark.Columns.G_KEYPOINTS;
import static dev.deteval.spark.Columns.G_MASK_COUNTS;
import static dev.deteval.spark.Columns.G_MASK_HEIGHT;
import static dev.deteval.spark.Columns.G_MASK_WIDTH;
import static dev.deteval.spark.Columns.G_NUM_KEYPOINTS;
import static dev.deteval.spark.Columns.G_SEQ;

import dev.deteval.eval.coco.ImageMatch;
import dev.deteval.eval.coco.OutcomeRows;
import dev.deteval.eval.data.Category;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.mask.Rle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.CoGroupFunction;
import org.apache.spark.sql.Row;

/**
 * The executor side of the first stage: one image's ground-truth rows and detection rows (co-grouped by
 * image id) become a one-image {@link GroundTruth} and {@link Detections}, rows in input order
 * ({@code seq}), and go through evaluator-core's {@link ImageMatch}. Emits one {@link OutcomeSchema}
 * row per (image, category) group, and a statistics row when the image has detections of unknown
 * categories or is missing from the images table.
 */
final class ImageTask implements CoGroupFunction<Long, Row, Row, Row> {

    private static final long serialVersionUID = 1L;
    private static final Comparator<Row> BY_GT_SEQ = Comparator.comparingLong(r -> r.getLong(G_SEQ));
    private static final Comparator<Row> BY_DT_SEQ = Comparator.comparingLong(r -> r.getLong(D_SEQ));

    private final ParamsCarrier params;
    private final long[] categoryIds;
    private final String[] categoryNames;
    private transient List<Category> categories;

    /**
     * @param categoryIds every ground-truth category id, ascending
     * @param categoryNames their names, in the same order
     */
    ImageTask(ParamsCarrier params, long[] categoryIds, String[] categoryNames) {
        this.params = params;
        this.categoryIds = categoryIds.clone();
        this.categoryNames = categoryNames.clone();
    }

    @Override
    public Iterator<Row> call(Long image, Iterator<Row> gtRows, Iterator<Row> dtRows) {
        boolean listed = false;
        List<Row> anns = new ArrayList<>();
        while (gtRows.hasNext()) {
            Row r = gtRows.next();
            if (r.getBoolean(G_IS_IMAGE)) {
                listed = true;
            } else {
                anns.add(r);
            }
        }
        List<Row> dets = new ArrayList<>();
        dtRows.forEachRemaining(dets::add);
        long unknown = 0;
        for (Row d : dets) {
            if (Arrays.binarySearch(categoryIds, d.getLong(D_CATEGORY)) < 0) {
                unknown++;
            }
        }
        if (!listed) {
            // pycocotools refuses both; the driver reports it after the job
            return List.of(OutcomeSchema.stats(unknown, dets.isEmpty() ? null : image,
                    anns.isEmpty() ? null : image)).iterator();
        }
        anns.sort(BY_GT_SEQ);
        dets.sort(BY_DT_SEQ);
        List<Row> out = new ArrayList<>();
        try {
            for (OutcomeRows rows : ImageMatch.match(groundTruth(image, anns), detections(image, dets),
                    params.params())) {
                out.add(OutcomeSchema.outcome(rows));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("image " + image + ": " + e.getMessage(), e);
        }
        if (unknown > 0) {
            out.add(OutcomeSchema.stats(unknown, null, null));
        }
        return out.iterator();
    }

    private GroundTruth groundTruth(long image, List<Row> anns) {
        GroundTruth.Builder b = GroundTruth.builder().addImage(image);
        categories().forEach(b::addCategory);
        for (int i = 0; i < anns.size(); i++) {
            Row r = anns.get(i);
            double[] box = box(r, G_BBOX, "annotation " + r.get(G_ID));
            b.addAnnotation(r.getLong(G_ID), image, r.getLong(G_CATEGORY), box[0], box[1], box[2], box[3],
                    r.getDouble(G_AREA), !r.isNullAt(G_CROWD) && r.getBoolean(G_CROWD),
                    !r.isNullAt(G_IGNORE) && r.getBoolean(G_IGNORE));
            if (!r.isNullAt(G_MASK_COUNTS)) {
                b.mask(i, mask(r, G_MASK_COUNTS, G_MASK_HEIGHT, G_MASK_WIDTH));
            }
            int numKeypoints = r.isNullAt(G_NUM_KEYPOINTS) ? 0 : r.getInt(G_NUM_KEYPOINTS);
            if (!r.isNullAt(G_KEYPOINTS) || numKeypoints != 0) {
                b.keypoints(i, r.isNullAt(G_KEYPOINTS) ? new double[0] : doubles(r, G_KEYPOINTS), numKeypoints);
            }
        }
        return b.build();
    }

    private static Detections detections(long image, List<Row> dets) {
        Detections.Builder b = Detections.builder(dets.size());
        for (Row r : dets) {
            double[] box = box(r, D_BBOX, "a detection");
            b.add(image, r.getLong(D_CATEGORY), box[0], box[1], box[2], box[3], r.getDouble(D_SCORE));
            if (!r.isNullAt(D_AREA)) {
                b.area(r.getDouble(D_AREA));
            }
            if (!r.isNullAt(D_MASK_COUNTS)) {
                b.mask(mask(r, D_MASK_COUNTS, D_MASK_HEIGHT, D_MASK_WIDTH));
            }
            if (!r.isNullAt(D_KEYPOINTS)) {
                b.keypoints(doubles(r, D_KEYPOINTS));
            }
        }
        return b.build();
    }

    private static double[] box(Row r, int at, String what) {
        double[] box = r.isNullAt(at) ? new double[0] : doubles(r, at);
        if (box.length != 4) {
            throw new IllegalArgumentException(what + " has a bbox of " + box.length + " numbers, expected [x, y, w, h]");
        }
        return box;
    }

    private static double[] doubles(Row r, int at) {
        List<Double> list = r.getList(at);
        double[] v = new double[list.size()];
        for (int i = 0; i < v.length; i++) {
            Double x = list.get(i);
            if (x == null) {
                throw new IllegalArgumentException("a row has a null in column " + r.schema().fields()[at].name());
            }
            v[i] = x;
        }
        return v;
    }

    private static Rle mask(Row r, int counts, int height, int width) {
        List<Integer> list = r.getList(counts);
        int[] c = new int[list.size()];
        for (int i = 0; i < c.length; i++) {
            Integer x = list.get(i);
            if (x == null || r.isNullAt(height) || r.isNullAt(width)) {
                throw new IllegalArgumentException("a mask needs mask_counts without nulls, mask_height and mask_width");
            }
            c[i] = x;
        }
        return Rle.of(r.getInt(height), r.getInt(width), c);
    }

    private List<Category> categories() {
        if (categories == null) {
            List<Category> list = new ArrayList<>(categoryIds.length);
            for (int i = 0; i < categoryIds.length; i++) {
                list.add(Category.of(categoryIds[i], categoryNames[i]));
            }
            categories = List.copyOf(list);
        }
        return categories;
    }
}
