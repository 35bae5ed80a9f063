package dev.deteval.eval.voc;

import dev.deteval.eval.internal.Growable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pascal VOC ground truth held in columns: the images of an image set, the class names, and the
 * annotated objects.
 *
 * <p>Images are identified by their string id ({@code 000012}) and kept in input order (the order of
 * the image-set file); image {@code i} is {@link #imageId(int) imageId(i)}. The class list fixes the
 * order of the per-class results and of the mAP mean. Object {@code j} is described by element
 * {@code j} of every column: its image index, its class index, its box corners
 * {@code [xmin, ymin, xmax, ymax]} (VOC writes 1-based inclusive pixel indices; how widths are derived
 * from them is the evaluator's {@link BoxConvention}), and its {@code difficult} flag. Objects keep
 * their input order, which decides ties between equally overlapping ground truths.
 *
 * <p>Instances are immutable: every {@code *Column} accessor returns a fresh copy.
 */
public final class VocDataset {

    private final String[] imageIds;
    private final Map<String, Integer> imageIndex;
    private final List<String> classes;
    private final Map<String, Integer> classIndex;
    /** Read directly, without a copy, by this package\'s evaluators; never written after construction. */
    final int[] objectImages;
    final int[] objectClasses;
    final double[] boxes;
    final boolean[] difficult;

    private VocDataset(String[] imageIds, Map<String, Integer> imageIndex, List<String> classes, int[] objectImages,
            int[] objectClasses, double[] boxes, boolean[] difficult) {
        this.imageIds = imageIds;
        this.imageIndex = imageIndex;
        this.classes = classes;
        this.classIndex = indexOf(classes);
        this.objectImages = objectImages;
        this.objectClasses = objectClasses;
        this.boxes = boxes;
        this.difficult = difficult;
    }

    /** A builder that takes the classes from the objects added, ordered by name at {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder(null);
    }

    /**
     * A builder for a fixed list of classes, in mAP order. Objects of other classes are rejected; use
     * {@link Builder#acceptsClass(String)} to skip them instead.
     *
     * @throws IllegalArgumentException when a name is empty or repeated
     */
    public static Builder builder(List<String> classes) {
        Objects.requireNonNull(classes, "classes");
        for (String c : classes) {
            requireName(c);
        }
        if (indexOf(classes).size() != classes.size()) {
            throw new IllegalArgumentException("class names must be unique, got " + classes);
        }
        return new Builder(List.copyOf(classes));
    }

    private static Map<String, Integer> indexOf(List<String> names) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            m.putIfAbsent(names.get(i), i);
        }
        return m;
    }

    private static void requireName(String className) {
        if (className == null || className.isEmpty()) {
            throw new IllegalArgumentException("class name must not be empty");
        }
    }

    /** Number of images. */
    public int imageCount() {
        return imageIds.length;
    }

    /** Id of image {@code i}. */
    public String imageId(int i) {
        return imageIds[i];
    }

    /** Index of the image with this id, or -1. */
    public int imageIndex(String id) {
        Integer i = imageIndex.get(id);
        return i == null ? -1 : i;
    }

    /** The class names in mAP order. */
    public List<String> classes() {
        return classes;
    }

    /** Index of the class with this name in {@link #classes()}, or -1. */
    public int classIndex(String name) {
        Integer i = classIndex.get(name);
        return i == null ? -1 : i;
    }

    /** Number of objects. */
    public int objectCount() {
        return objectImages.length;
    }

    /** Image index of each object (a copy). */
    public int[] imageIndexColumn() {
        return objectImages.clone();
    }

    /** Class index of each object (a copy). */
    public int[] classIndexColumn() {
        return objectClasses.clone();
    }

    /** Boxes as {@code [xmin, ymin, xmax, ymax]} quadruples, 4 values per object (a copy). */
    public double[] boxColumn() {
        return boxes.clone();
    }

    /** The {@code difficult} flag of each object (a copy). */
    public boolean[] difficultColumn() {
        return difficult.clone();
    }

    /** Collects images and objects; not thread-safe. */
    public static final class Builder {
        private final List<String> fixedClasses;
        private final Map<String, Integer> classSlots = new HashMap<>();
        private final List<String> slotNames = new ArrayList<>();
        private final List<String> imageIds = new ArrayList<>();
        private final Map<String, Integer> imageIndex = new HashMap<>();
        private int size;
        private int[] objectImages = new int[0];
        private int[] objectSlots = new int[0];
        private double[] boxes = new double[0];
        private boolean[] difficult = new boolean[0];

        private Builder(List<String> fixedClasses) {
            this.fixedClasses = fixedClasses;
            if (fixedClasses != null) {
                fixedClasses.forEach(this::slot);
            }
        }

        /**
         * Adds an image.
         *
         * @return the image's index, to pass to {@link #addObject}
         * @throws IllegalArgumentException when the id is empty or was added before
         */
        public int addImage(String id) {
            if (id == null || id.isEmpty()) {
                throw new IllegalArgumentException("image id must not be empty");
            }
            int index = imageIds.size();
            if (imageIndex.putIfAbsent(id, index) != null) {
                throw new IllegalArgumentException("image '" + id + "' is listed twice");
            }
            imageIds.add(id);
            return index;
        }

        /** Number of images added so far. */
        public int imageCount() {
            return imageIds.size();
        }

        /** True when {@link #addObject} accepts objects of this class. */
        public boolean acceptsClass(String className) {
            return fixedClasses == null || classSlots.containsKey(className);
        }

        /**
         * Adds an object.
         *
         * @param image an index returned by {@link #addImage}
         * @param className the class name
         * @param xmin left edge, {@code <= xmax}
         * @param ymin top edge, {@code <= ymax}
         * @param xmax right edge
         * @param ymax bottom edge
         * @param isDifficult the VOC {@code difficult} flag
         * @throws IllegalArgumentException for an unknown image, a class outside a fixed list, or a box
         *     that is not finite or has {@code xmax < xmin} or {@code ymax < ymin}
         */
        public Builder addObject(int image, String className, double xmin, double ymin, double xmax, double ymax,
                boolean isDifficult) {
            if (image < 0 || image >= imageIds.size()) {
                throw new IllegalArgumentException("no image with index " + image);
            }
            requireName(className);
            if (!acceptsClass(className)) {
                throw new IllegalArgumentException("class '" + className + "' is not among the classes "
                        + fixedClasses);
            }
            Corners.require("object of image '" + imageIds.get(image) + "'", xmin, ymin, xmax, ymax);
            int cap = Growable.next(objectImages.length, size + 1);
            if (cap != objectImages.length) {
                objectImages = Arrays.copyOf(objectImages, cap);
                objectSlots = Arrays.copyOf(objectSlots, cap);
                boxes = Arrays.copyOf(boxes, 4 * cap);
                difficult = Arrays.copyOf(difficult, cap);
            }
            int i = size++;
            objectImages[i] = image;
            objectSlots[i] = slot(className);
            boxes[4 * i] = xmin;
            boxes[4 * i + 1] = ymin;
            boxes[4 * i + 2] = xmax;
            boxes[4 * i + 3] = ymax;
            difficult[i] = isDifficult;
            return this;
        }

        private int slot(String className) {
            Integer s = classSlots.get(className);
            if (s == null) {
                s = slotNames.size();
                classSlots.put(className, s);
                slotNames.add(className);
            }
            return s;
        }

        /** Builds the dataset. */
        public VocDataset build() {
            List<String> classes = fixedClasses != null ? fixedClasses
                    : slotNames.stream().sorted().toList();
            int[] slotToClass = new int[slotNames.size()];
            for (int s = 0; s < slotToClass.length; s++) {
                slotToClass[s] = classes.indexOf(slotNames.get(s));
            }
            int[] objectClasses = new int[size];
            for (int i = 0; i < size; i++) {
                objectClasses[i] = slotToClass[objectSlots[i]];
            }
            return new VocDataset(imageIds.toArray(new String[0]), Map.copyOf(imageIndex), classes,
                    Arrays.copyOf(objectImages, size), objectClasses, Arrays.copyOf(boxes, 4 * size),
                    Arrays.copyOf(difficult, size));
        }
    }
}
