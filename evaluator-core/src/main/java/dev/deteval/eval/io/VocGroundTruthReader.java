package dev.deteval.eval.io;

import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.voc.VocDataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a VOC devkit folder as COCO-style ground truth, for conversion: the objects as
 * {@link VocReader#readDevkit} reads them, plus each image's {@code <filename>} and {@code <size>}.
 *
 * <p>Boxes: VOC corners are 1-based inclusive pixel indices, so pixel {@code i} covers the continuous span
 * {@code [i − 1, i]}; in the pixel convention (the devkit's) the COCO box is {@code x = xmin − 1},
 * {@code y = ymin − 1}, {@code w = xmax − xmin + 1}, {@code h = ymax − ymin + 1}. In the continuous
 * convention the corners are taken as they are: {@code x = xmin}, {@code w = xmax − xmin}. The area is
 * {@code w · h}. A {@code difficult} object becomes {@code iscrowd = 1}: both mark an object that neither
 * counts as missed nor makes a detection on it a false positive. Categories are the class names in sorted
 * order with ids 1, 2, …; image ids are the VOC ids when all are whole numbers ({@code 000012} → 12), else
 * 1, 2, … in image-set order.
 */
final class VocGroundTruthReader {

    private VocGroundTruthReader() {
    }

    /** The ground truth and where each annotation came from. */
    record Read(GroundTruth groundTruth, Origins origins) {
    }

    static Read read(Path devkit, String imageSet, boolean pixel, List<String> warnings) {
        VocReader reader = imageSet == null ? new VocReader() : new VocReader().withImageSet(imageSet);
        VocDataset voc = reader.readDevkit(devkit);
        warnings.addAll(reader.warnings());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < voc.imageCount(); i++) {
            names.add(voc.imageId(i));
        }
        long[] ids = ImageIds.of(names);
        GroundTruth.Builder b = GroundTruth.builder();
        for (int c = 0; c < voc.classes().size(); c++) {
            b.addCategory(c + 1, voc.classes().get(c));
        }
        Path annotations = devkit.resolve("Annotations");
        VocImageInfo[] infos = new VocImageInfo[voc.imageCount()];
        for (int i = 0; i < infos.length; i++) {
            infos[i] = VocImageInfo.read(annotations.resolve(voc.imageId(i) + ".xml"));
            String fileName = infos[i].fileName().isEmpty() ? voc.imageId(i) + ".jpg" : infos[i].fileName();
            b.addImage(ids[i], infos[i].width(), infos[i].height(), fileName);
        }
        int[] image = voc.imageIndexColumn();
        int[] cls = voc.classIndexColumn();
        double[] box = voc.boxColumn();
        boolean[] difficult = voc.difficultColumn();
        double extent = pixel ? 1 : 0;
        int[] seen = new int[infos.length];
        Origins origins = new Origins();
        for (int j = 0; j < image.length; j++) {
            int i = image[j];
            double x = box[4 * j] - extent;
            double y = box[4 * j + 1] - extent;
            double w = box[4 * j + 2] - box[4 * j] + extent;
            double h = box[4 * j + 3] - box[4 * j + 1] + extent;
            b.addAnnotation(j + 1L, ids[i], cls[j] + 1L, x, y, w, h, w * h, difficult[j], false);
            List<Integer> lines = infos[i].objectLines();
            int k = seen[i]++;
            origins.add(annotations.resolve(voc.imageId(i) + ".xml").toString(),
                    k < lines.size() ? TextFile.line(lines.get(k)) : "object " + (k + 1));
        }
        return new Read(b.build(), origins);
    }
}
