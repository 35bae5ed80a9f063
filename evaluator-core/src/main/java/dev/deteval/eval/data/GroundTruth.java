package dev.deteval.eval.data;

import dev.deteval.eval.internal.Growable;
import dev.deteval.eval.mask.Rle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * COCO-style ground truth held in columns: images, categories and annotations.
 *
 * <p>Annotation boxes are {@code [x, y, width, height]} in pixels (continuous coordinates, top-left
 * origin, no +1 convention), as in COCO's {@code bbox}. Each annotation also carries the {@code area}
 * used for area ranges (COCO's field, which need not equal width × height), the {@code iscrowd} flag and
 * the optional {@code ignore} flag. Annotation {@code i} is described by element {@code i} of every
 * column; columns are in input (file) order.
 *
 * <p>Instances are immutable: every {@code *Column} accessor returns a fresh copy, which the caller may
 * change freely without affecting this ground truth or any later evaluation of it.
 */
public final class GroundTruth {

    static {
        DataColumns.install();
    }

    private final long[] imageIds;
    private final int[] imageWidths;
    private final int[] imageHeights;
    private final String[] imageFileNames;
    private final long[] sortedImageIds;
    private final List<Category> categories;
    final long[] annotationIds;
    final long[] annotationImageIds;
    final long[] annotationCategoryIds;
    final double[] boxes;
    final double[] areas;
    final boolean[] crowd;
    final boolean[] ignore;
    final Rle[] masks;
    private final KeypointColumn keypoints;
    final int[] numKeypoints;
    private final TextIds imageTexts;
    private final TextIds categoryTexts;

    private GroundTruth(Builder b) {
        int ni = b.imageCount;
        int na = b.annotationCount;
        imageIds = Arrays.copyOf(b.imageIds, ni);
        imageWidths = Arrays.copyOf(b.imageWidths, ni);
        imageHeights = Arrays.copyOf(b.imageHeights, ni);
        imageFileNames = b.imageFileNames.toArray(new String[0]);
        sortedImageIds = imageIds.clone();
        Arrays.sort(sortedImageIds);
        categories = List.copyOf(b.categories);
        annotationIds = Arrays.copyOf(b.annotationIds, na);
        annotationImageIds = Arrays.copyOf(b.annotationImageIds, na);
        annotationCategoryIds = Arrays.copyOf(b.annotationCategoryIds, na);
        boxes = Arrays.copyOf(b.boxes, 4 * na);
        areas = Arrays.copyOf(b.areas, na);
        crowd = Arrays.copyOf(b.crowd, na);
        ignore = Arrays.copyOf(b.ignore, na);
        masks = Arrays.copyOf(b.masks, na);
        keypoints = KeypointColumn.of(new KeypointColumn.Slices[] {b.keypoints}, new int[] {na});
        numKeypoints = Arrays.copyOf(b.numKeypoints, na);
        imageTexts = b.imageTexts;
        categoryTexts = b.categoryTexts;
    }

    /** A builder for ground truth assembled in code. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of images. */
    public int imageCount() {
        return imageIds.length;
    }

    /** Id of image {@code i} (input order). */
    public long imageId(int i) {
        return imageIds[i];
    }

    /** Width of image {@code i} in pixels, or 0 when unknown. */
    public int imageWidth(int i) {
        return imageWidths[i];
    }

    /** Height of image {@code i} in pixels, or 0 when unknown. */
    public int imageHeight(int i) {
        return imageHeights[i];
    }

    /** File name of image {@code i}, or the empty string. */
    public String imageFileName(int i) {
        return imageFileNames[i];
    }

    /** True when an image with this id exists. */
    public boolean hasImage(long imageId) {
        return Arrays.binarySearch(sortedImageIds, imageId) >= 0;
    }

    /** All image ids in ascending order (a copy). */
    public long[] sortedImageIds() {
        return sortedImageIds.clone();
    }

    /**
     * Whether the images were named by strings: image ids are then the numbers of {@link #imageIdText}'s
     * texts in Python's sort order ({@link TextIds}).
     */
    public boolean hasTextImageIds() {
        return imageTexts != null;
    }

    /** Whether the categories were named by strings, numbered as {@link #hasTextImageIds()} says. */
    public boolean hasTextCategoryIds() {
        return categoryTexts != null;
    }

    /** The image id as the input wrote it: its string for string ids, else the number in decimal. */
    public String imageIdText(long imageId) {
        return imageTexts == null ? Long.toString(imageId) : imageTexts.text(imageId);
    }

    /** The category id as the input wrote it: its string for string ids, else the number in decimal. */
    public String categoryIdText(long categoryId) {
        return categoryTexts == null ? Long.toString(categoryId) : categoryTexts.text(categoryId);
    }

    /** The string image ids and their numbers, or empty when images have numeric ids. */
    public Optional<TextIds> imageTextIds() {
        return Optional.ofNullable(imageTexts);
    }

    /** The string category ids and their numbers, or empty when categories have numeric ids. */
    public Optional<TextIds> categoryTextIds() {
        return Optional.ofNullable(categoryTexts);
    }

    /** The categories in input order. */
    public List<Category> categories() {
        return categories;
    }

    /** The category with this id, or null. */
    public Category category(long id) {
        for (Category c : categories) {
            if (c.id() == id) {
                return c;
            }
        }
        return null;
    }

    /** Number of annotations. */
    public int annotationCount() {
        return annotationIds.length;
    }

    /** Annotation ids, one per annotation (a copy). */
    public long[] annotationIdColumn() {
        return annotationIds.clone();
    }

    /** Image id of each annotation (a copy). */
    public long[] imageIdColumn() {
        return annotationImageIds.clone();
    }

    /** Category id of each annotation (a copy). */
    public long[] categoryIdColumn() {
        return annotationCategoryIds.clone();
    }

    /** Boxes as {@code [x, y, w, h]} quadruples, 4 values per annotation (a copy). */
    public double[] boxColumn() {
        return boxes.clone();
    }

    /** The {@code area} of each annotation (pixels²; a copy). */
    public double[] areaColumn() {
        return areas.clone();
    }

    /** The {@code iscrowd} flag of each annotation (a copy). */
    public boolean[] crowdColumn() {
        return crowd.clone();
    }

    /** The {@code ignore} flag of each annotation (false when the input had none; a copy). */
    public boolean[] ignoreColumn() {
        return ignore.clone();
    }

    /**
     * The mask of each annotation (run-length encoded, image-sized), or null where the annotation has no
     * segmentation (a copy of the array; the masks themselves are immutable).
     */
    public Rle[] maskColumn() {
        return masks.clone();
    }

    /** The keypoints of each annotation as {@code [x, y, v]} triples (empty where there are none). */
    public KeypointColumn keypoints() {
        return keypoints;
    }

    /** The {@code num_keypoints} field of each annotation (0 when absent; a copy). */
    public int[] numKeypointsColumn() {
        return numKeypoints.clone();
    }

    /**
     * Collects images, categories and annotations. Ids must be unique within their kind, and an
     * annotation's image must have been added (in any order) by the time of {@link #build()}.
     *
     * <p>An annotation may name a category that was not added, as pycocotools allows: such an annotation
     * is kept in the columns, but COCO evaluation leaves it out, because pycocotools only loads the
     * annotations of the categories listed ({@code getAnnIds(catIds=...)} in {@code COCOeval._prepare}).
     * {@link dev.deteval.eval.io.CocoJsonReader} warns about such annotations.
     */
    public static final class Builder {
        private int imageCount;
        private long[] imageIds = new long[0];
        private int[] imageWidths = new int[0];
        private int[] imageHeights = new int[0];
        private final List<String> imageFileNames = new ArrayList<>();
        private final List<Category> categories = new ArrayList<>();
        private int annotationCount;
        private long[] annotationIds = new long[0];
        private long[] annotationImageIds = new long[0];
        private long[] annotationCategoryIds = new long[0];
        private double[] boxes = new double[0];
        private double[] areas = new double[0];
        private boolean[] crowd = new boolean[0];
        private boolean[] ignore = new boolean[0];
        private Rle[] masks = new Rle[0];
        private final KeypointColumn.Slices keypoints = new KeypointColumn.Slices(0);
        private int[] numKeypoints = new int[0];
        private TextIds imageTexts;
        private TextIds categoryTexts;

        private Builder() {
        }

        /**
         * Declares that images are named by strings: every image id must then be the number {@code texts}
         * gives its string (1..n), and reports show the string.
         */
        public Builder imageTextIds(TextIds texts) {
            imageTexts = Objects.requireNonNull(texts, "texts");
            return this;
        }

        /** Declares that categories are named by strings, as {@link #imageTextIds} does for images. */
        public Builder categoryTextIds(TextIds texts) {
            categoryTexts = Objects.requireNonNull(texts, "texts");
            return this;
        }

        /** Adds an image; width and height in pixels (0 when unknown). */
        public Builder addImage(long id, int width, int height, String fileName) {
            int cap = Growable.next(imageIds.length, imageCount + 1);
            if (cap != imageIds.length) {
                imageIds = Growable.grow(imageIds, cap);
                imageWidths = Arrays.copyOf(imageWidths, cap);
                imageHeights = Arrays.copyOf(imageHeights, cap);
            }
            imageIds[imageCount] = id;
            imageWidths[imageCount] = width;
            imageHeights[imageCount] = height;
            imageFileNames.add(fileName == null ? "" : fileName);
            imageCount++;
            return this;
        }

        /** Adds an image of unknown size. */
        public Builder addImage(long id) {
            return addImage(id, 0, 0, "");
        }

        /** Adds a category. */
        public Builder addCategory(Category category) {
            categories.add(Objects.requireNonNull(category, "category"));
            return this;
        }

        /** Adds a category by id and name. */
        public Builder addCategory(long id, String name) {
            return addCategory(Category.of(id, name));
        }

        /**
         * Adds an annotation.
         *
         * @param box {@code [x, y, w, h]} in pixels, finite, with {@code w, h >= 0}
         * @param area the area used for area ranges (pixels²), finite and not negative
         */
        public Builder addAnnotation(long id, long imageId, long categoryId, double x, double y, double w,
                double h, double area, boolean isCrowd, boolean isIgnore) {
            requireFinite(x, y, w, h, area);
            if (w < 0 || h < 0) {
                throw new IllegalArgumentException("annotation " + id + ": width and height must not be negative, got "
                        + w + " x " + h);
            }
            if (area < 0) {
                throw new IllegalArgumentException("annotation " + id + ": area must not be negative, got " + area);
            }
            int cap = Growable.next(annotationIds.length, annotationCount + 1);
            if (cap != annotationIds.length) {
                annotationIds = Growable.grow(annotationIds, cap);
                annotationImageIds = Growable.grow(annotationImageIds, cap);
                annotationCategoryIds = Growable.grow(annotationCategoryIds, cap);
                boxes = Growable.grow(boxes, 4 * cap);
                areas = Growable.grow(areas, cap);
                crowd = Growable.grow(crowd, cap);
                ignore = Growable.grow(ignore, cap);
                masks = Arrays.copyOf(masks, cap);
                keypoints.objects(cap);
                numKeypoints = Arrays.copyOf(numKeypoints, cap);
            }
            int i = annotationCount++;
            annotationIds[i] = id;
            annotationImageIds[i] = imageId;
            annotationCategoryIds[i] = categoryId;
            boxes[4 * i] = x;
            boxes[4 * i + 1] = y;
            boxes[4 * i + 2] = w;
            boxes[4 * i + 3] = h;
            areas[i] = area;
            crowd[i] = isCrowd;
            ignore[i] = isIgnore;
            return this;
        }

        /**
         * Sets the mask of annotation {@code index} (0-based, in the order of addition; segm evaluation).
         *
         * @throws IndexOutOfBoundsException when no such annotation was added
         */
        public Builder mask(int index, Rle mask) {
            masks[Objects.checkIndex(index, annotationCount)] = Objects.requireNonNull(mask, "mask");
            return this;
        }

        /**
         * Sets the keypoints of annotation {@code index} (0-based, in the order of addition; keypoint
         * evaluation).
         *
         * @param xyv {@code [x0, y0, v0, x1, y1, v1, ...]} in pixels; {@code v > 0} marks a labelled point
         * @param count the annotation's {@code num_keypoints}; 0 makes it ignored, as in pycocotools
         * @throws IllegalArgumentException when the length is not a multiple of 3
         * @throws IndexOutOfBoundsException when no such annotation was added
         */
        public Builder keypoints(int index, double[] xyv, int count) {
            return keypoints(index, xyv, xyv.length, count);
        }

        /**
         * Sets the keypoints of annotation {@code index} to the first {@code length} values of {@code xyv}
         * (copied: the caller may reuse the array); otherwise as {@link #keypoints(int, double[], int)}.
         *
         * @throws IllegalArgumentException when {@code length} is not a multiple of 3 or exceeds the array
         * @throws IndexOutOfBoundsException when no such annotation was added
         */
        public Builder keypoints(int index, double[] xyv, int length, int count) {
            if (length % 3 != 0 || length < 0 || length > xyv.length) {
                throw new IllegalArgumentException("keypoints must be [x, y, v] triples, got " + length
                        + " numbers");
            }
            int i = Objects.checkIndex(index, annotationCount);
            keypoints.set(i, xyv, length);
            numKeypoints[i] = count;
            return this;
        }

        /** Adds a plain annotation whose area is {@code w * h}. */
        public Builder addAnnotation(long id, long imageId, long categoryId, double x, double y, double w,
                double h) {
            return addAnnotation(id, imageId, categoryId, x, y, w, h, w * h, false, false);
        }

        /** The ids of the annotations added so far, in order (a copy). */
        public long[] annotationIds() {
            return Arrays.copyOf(annotationIds, annotationCount);
        }

        /** The image id of each annotation added so far, in order (a copy). */
        public long[] annotationImageIds() {
            return Arrays.copyOf(annotationImageIds, annotationCount);
        }

        /**
         * Builds the ground truth.
         *
         * @throws IllegalArgumentException on duplicate ids, or an annotation naming an image that was not
         *     added (an unknown category is allowed, see {@link Builder})
         */
        public GroundTruth build() {
            GroundTruth gt = new GroundTruth(this);
            requireUnique(gt.sortedImageIds, "image");
            long[] catIds = categories.stream().mapToLong(Category::id).sorted().toArray();
            requireUnique(catIds, "category");
            requireTextNumbers(gt.sortedImageIds, imageTexts, "image");
            requireTextNumbers(catIds, categoryTexts, "category");
            long[] annIds = gt.annotationIds.clone();
            Arrays.sort(annIds);
            requireUnique(annIds, "annotation");
            for (int i = 0; i < gt.annotationCount(); i++) {
                if (!gt.hasImage(gt.annotationImageIds[i])) {
                    throw new IllegalArgumentException("annotation " + gt.annotationIds[i] + " refers to image "
                            + gt.annotationImageIds[i] + ", which is not among the images");
                }
            }
            return gt;
        }

        private static void requireTextNumbers(long[] sorted, TextIds texts, String what) {
            if (texts != null && sorted.length > 0 && (sorted[0] < 1 || sorted[sorted.length - 1] > texts.size())) {
                throw new IllegalArgumentException(what + " ids are named by " + texts.size() + " strings, so they"
                        + " must be 1.." + texts.size() + ", got " + sorted[0] + ".." + sorted[sorted.length - 1]);
            }
        }

        private static void requireUnique(long[] sorted, String what) {
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    throw new IllegalArgumentException("duplicate " + what + " id " + sorted[i]);
                }
            }
        }
    }

    /**
     * Throws unless all five are finite, naming the first that is not. Five parameters, not varargs: no array
     * per box while many thousand are read (code compiled by C1 keeps such allocations).
     */
    static void requireFinite(double x, double y, double w, double h, double other) {
        requireFinite(x);
        requireFinite(y);
        requireFinite(w);
        requireFinite(h);
        requireFinite(other);
    }

    /** Throws unless {@code v} is finite. */
    static void requireFinite(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("numbers must be finite, got " + v);
        }
    }
}
