package dev.deteval.eval.io;

import dev.deteval.eval.data.Category;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.data.Names;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes ground truth as a VOC devkit folder: {@code Annotations/<stem>.xml} for every image (with
 * {@code <filename>}, {@code <size>} and one {@code <object>} per annotation), {@code ImageSets/Main/<set>.txt}
 * listing the stems in image order and, when the images' folder is known, a copy of each image in
 * {@code JPEGImages/}.
 *
 * <p>Corners, in the pixel convention (the devkit's 1-based inclusive indices): {@code xmin = x + 1},
 * {@code ymin = y + 1}, {@code xmax = x + w}, {@code ymax = y + h}, the inverse of
 * {@link VocGroundTruthReader}; a box narrower or lower than one pixel has no such corners and is an error
 * naming its origin. In the continuous convention: {@code xmin = x}, {@code xmax = x + w}. Numbers are written
 * with 12 significant digits, so fractional COCO boxes give fractional corners (deteval reads them; the
 * devkit's own code expects whole numbers). The class is the category's name; {@code iscrowd} becomes
 * {@code <difficult>1</difficult>}.
 */
final class VocDevkitWriter {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private VocDevkitWriter() {
    }

    static void write(GroundTruth gt, Origins origins, String source, Path target, String imageSet, boolean pixel,
            Path images, List<String> warnings) {
        ImageNames names = ImageNames.of(gt, source);
        Map<Long, String> classOf = classNames(gt, source);
        double[][] corners = corners(gt, origins, classOf, pixel);
        int[][] byImage = ImageNames.byImage(gt);
        long[] categories = gt.categoryIdColumn();
        boolean[] crowd = gt.crowdColumn();
        try (StagedFolder out = StagedFolder.create(target)) {
            StringBuilder set = new StringBuilder();
            for (int i = 0; i < gt.imageCount(); i++) {
                int image = i;
                set.append(names.stem(i)).append('\n');
                AtomicFile.write(out.file("Annotations/" + names.stem(i) + ".xml"), o -> xml(o, gt, image, names,
                        byImage[image], classOf, categories, corners, crowd));
                if (images != null) {
                    ImageNames.copy(gt, i, images, out.file("JPEGImages/" + names.baseName(i)));
                }
            }
            byte[] bytes = set.toString().getBytes(StandardCharsets.UTF_8);
            AtomicFile.write(out.file("ImageSets/Main/" + imageSet + ".txt"), o -> o.write(bytes));
            out.commit();
        }
        Set<Long> used = new HashSet<>();
        for (long c : categories) {
            used.add(c);
        }
        List<String> unused = gt.categories().stream().filter(c -> !used.contains(c.id())).map(Category::name).toList();
        if (!unused.isEmpty()) {
            warnings.add(unused.size() + (unused.size() == 1 ? " category" : " categories") + " without annotations"
                    + " cannot be listed in a VOC devkit (its classes are the names of its objects): "
                    + String.join(", ", unused.stream().map(Names::cell).toList()));
        }
    }

    private static Map<Long, String> classNames(GroundTruth gt, String source) {
        Map<Long, String> classOf = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<Category> categories = gt.categories();
        for (int c = 0; c < categories.size(); c++) {
            String name = categories.get(c).name().strip();
            if (name.isEmpty() || !seen.add(name)) {
                throw new InputException(source, "categories[" + c + "]", name.isEmpty()
                        ? "category " + categories.get(c).id() + " has no name; VOC names classes"
                        : "category name '" + name + "' appears twice; VOC tells classes apart by name");
            }
            if (!name.codePoints().allMatch(VocDevkitWriter::xmlChar)) {
                throw new InputException(source, "categories[" + c + "]", "category name '" + Names.visible(name)
                        + "' holds a character an XML file cannot hold");
            }
            classOf.put(categories.get(c).id(), name);
        }
        return classOf;
    }

    /** Whether XML 1.0 allows code point {@code c}. */
    private static boolean xmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || c >= 0x10000;
    }

    private static double[][] corners(GroundTruth gt, Origins origins, Map<Long, String> classOf, boolean pixel) {
        long[] categories = gt.categoryIdColumn();
        double[] boxes = gt.boxColumn();
        double extent = pixel ? 1 : 0;
        double[][] out = new double[categories.length][];
        for (int a = 0; a < out.length; a++) {
            if (!classOf.containsKey(categories[a])) {
                throw origins.error(a, "category " + categories[a] + " is not among the categories, so it has no"
                        + " VOC class name");
            }
            double x = boxes[4 * a];
            double y = boxes[4 * a + 1];
            double w = boxes[4 * a + 2];
            double h = boxes[4 * a + 3];
            if (w < extent || h < extent) {
                throw origins.error(a, "box " + w + " x " + h + " is smaller than one pixel, so it has no VOC pixel"
                        + " corners (xmax = x + w would be below xmin = x + 1); convert with --voc-boxes continuous");
            }
            out[a] = new double[] {x + extent, y + extent, x + w, y + h};
        }
        return out;
    }

    private static void xml(OutputStream o, GroundTruth gt, int image, ImageNames names, int[] annotations,
            Map<Long, String> classOf, long[] categories, double[][] corners, boolean[] crowd) throws IOException {
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(o, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("annotation");
            element(w, 1, "filename", names.baseName(image));
            w.writeCharacters("\n  ");
            w.writeStartElement("size");
            element(w, 2, "width", Integer.toString(gt.imageWidth(image)));
            element(w, 2, "height", Integer.toString(gt.imageHeight(image)));
            element(w, 2, "depth", "3");
            w.writeCharacters("\n  ");
            w.writeEndElement();
            String[] corner = {"xmin", "ymin", "xmax", "ymax"};
            for (int a : annotations) {
                w.writeCharacters("\n  ");
                w.writeStartElement("object");
                element(w, 2, "name", classOf.get(categories[a]));
                element(w, 2, "difficult", crowd[a] ? "1" : "0");
                w.writeCharacters("\n    ");
                w.writeStartElement("bndbox");
                for (int k = 0; k < 4; k++) {
                    element(w, 3, corner[k], DecimalText.of(corners[a][k]));
                }
                w.writeCharacters("\n    ");
                w.writeEndElement();
                w.writeCharacters("\n  ");
                w.writeEndElement();
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static void element(XMLStreamWriter w, int depth, String name, String text) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
