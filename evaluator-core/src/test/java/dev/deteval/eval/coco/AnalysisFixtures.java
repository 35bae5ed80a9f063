package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.Random;

/**
 * Inputs for the operating-point and confusion-matrix tests.
 *
 * <p>The hand-built case, categories cat (1) and dog (2), boxes 10 x 10 unless said:
 * <pre>
 * image 1  gt a1 cat (0,0)   a2 dog (20,0)   a3 cat (40,0)   a4 dog (60,0)
 *          d1 cat (0,0)  0.9   true positive of a1
 *          d2 cat (20,0) 0.8   mixed-up class: lies on dog a2
 *          d3 cat (0,0)  0.7   duplicate of a1
 *          d4 dog (60,0) 10x4 0.6  loose box: IoU 40/100 = 0.4 with a4
 *          d5 dog (100,100) 0.5  background
 *          a3 is missed
 * image 2  gt b1 cat (0,0)
 *          d6 dog (0,0)  0.95  mixed-up class, ahead of
 *          d7 cat (0,0)  0.4   the right class on the same object
 * </pre>
 */
final class AnalysisFixtures {

    private AnalysisFixtures() {
    }

    static GroundTruth handGroundTruth() {
        return GroundTruth.builder().addImage(1).addImage(2).addCategory(1, "cat").addCategory(2, "dog")
                .addAnnotation(1, 1, 1, 0, 0, 10, 10, 100, false, false)
                .addAnnotation(2, 1, 2, 20, 0, 10, 10, 100, false, false)
                .addAnnotation(3, 1, 1, 40, 0, 10, 10, 100, false, false)
                .addAnnotation(4, 1, 2, 60, 0, 10, 10, 100, false, false)
                .addAnnotation(5, 2, 1, 0, 0, 10, 10, 100, false, false)
                .build();
    }

    static Detections handDetections() {
        return Detections.builder()
                .add(1, 1, 0, 0, 10, 10, 0.9)
                .add(1, 1, 20, 0, 10, 10, 0.8)
                .add(1, 1, 0, 0, 10, 10, 0.7)
                .add(1, 2, 60, 0, 10, 4, 0.6)
                .add(1, 2, 100, 100, 10, 10, 0.5)
                .add(2, 2, 0, 0, 10, 10, 0.95)
                .add(2, 1, 0, 0, 10, 10, 0.4)
                .build();
    }

    /** A random scene: 3 categories, no crowd, fewer than 100 detections per image and category. */
    record Scene(GroundTruth gt, Detections dt) {
    }

    static Scene random(long seed) {
        Random r = new Random(seed);
        GroundTruth.Builder g = GroundTruth.builder().addCategory(1, "a").addCategory(2, "b").addCategory(3, "c");
        Detections.Builder d = Detections.builder();
        long id = 1;
        for (int image = 1; image <= 8; image++) {
            g.addImage(image);
            int objects = r.nextInt(6);
            for (int o = 0; o < objects; o++) {
                double x = r.nextInt(80);
                double y = r.nextInt(80);
                double w = 5 + r.nextInt(30);
                double h = 5 + r.nextInt(30);
                long cat = 1 + r.nextInt(3);
                g.addAnnotation(id++, image, cat, x, y, w, h, w * h, false, false);
                int copies = r.nextInt(3);
                for (int c = 0; c < copies; c++) {
                    long dc = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : cat;
                    d.add(image, dc, x + r.nextInt(7) - 3, y + r.nextInt(7) - 3, w + r.nextInt(5), h,
                            Math.round(r.nextDouble() * 20) / 20.0);
                }
            }
            for (int f = r.nextInt(3); f > 0; f--) {
                d.add(image, 1 + r.nextInt(3), r.nextInt(90), r.nextInt(90), 10, 10, Math.round(r.nextDouble() * 20) / 20.0);
            }
        }
        return new Scene(g.build(), d.build());
    }
}
