package dev.deteval.runtime.data;

import dev.deteval.eval.geometry.Box;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.SplittableRandom;

/**
 * Draws scenes with Java2D (anti-aliased) and adds uniform pixel noise; the same scene always gives the
 * same pixels.
 */
public final class SceneRenderer {

    private final int noise;

    /**
     * @param noise amplitude of the per-channel noise in grey levels (each channel gets a uniform integer in
     *     {@code [-noise, noise]}, then is clamped to 0–255)
     */
    public SceneRenderer(int noise) {
        this.noise = noise;
    }

    /**
     * Draws a scene.
     *
     * @return an RGB image of the scene's size
     */
    public BufferedImage render(Scene scene) {
        BufferedImage image = new BufferedImage(scene.width(), scene.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(scene.background()));
            g.fillRect(0, 0, scene.width(), scene.height());
            for (SceneObject object : scene.objects()) {
                g.setColor(new Color(object.rgb()));
                g.fill(outline(object));
            }
        } finally {
            g.dispose();
        }
        addNoise(image, scene.noiseSeed());
        return image;
    }

    /**
     * Draws a scene into a channel-first float array scaled to [0, 1].
     *
     * @param target receives {@code (3, H, W)} values (red plane, green plane, blue plane) from
     *     {@code offset}
     * @param offset first index written
     */
    public void renderInto(Scene scene, float[] target, int offset) {
        BufferedImage image = render(scene);
        toChannels(image, target, offset);
    }

    /**
     * Copies an RGB image into a channel-first float array scaled to [0, 1].
     *
     * @param target receives {@code (3, H, W)} values from {@code offset}
     * @param offset first index written
     */
    public static void toChannels(BufferedImage image, float[] target, int offset) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = image.getType() == BufferedImage.TYPE_INT_RGB
                ? ((DataBufferInt) image.getRaster().getDataBuffer()).getData()
                : image.getRGB(0, 0, w, h, null, 0, w);
        int plane = w * h;
        float scale = 1f / 255f;
        for (int p = 0; p < plane; p++) {
            int rgb = pixels[p];
            target[offset + p] = (rgb >> 16 & 0xFF) * scale;
            target[offset + plane + p] = (rgb >> 8 & 0xFF) * scale;
            target[offset + 2 * plane + p] = (rgb & 0xFF) * scale;
        }
    }

    private static java.awt.Shape outline(SceneObject object) {
        Box b = object.box();
        double w = b.width();
        double h = b.height();
        return switch (object.kind()) {
            case RECTANGLE -> new Rectangle2D.Double(b.x1(), b.y1(), w, h);
            case ELLIPSE -> new Ellipse2D.Double(b.x1(), b.y1(), w, h);
            case TRIANGLE -> {
                Path2D.Double path = new Path2D.Double();
                path.moveTo(b.x1(), b.y2());
                path.lineTo(b.x2(), b.y2());
                path.lineTo(b.x1() + object.apex() * w, b.y1());
                path.closePath();
                yield path;
            }
            case CROSS -> {
                Path2D.Double path = new Path2D.Double();
                path.append(new Rectangle2D.Double(b.x1(), b.y1() + h / 3, w, h / 3), false);
                path.append(new Rectangle2D.Double(b.x1() + w / 3, b.y1(), w / 3, h), false);
                yield path;
            }
        };
    }

    private void addNoise(BufferedImage image, long seed) {
        if (noise == 0) {
            return;
        }
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        SplittableRandom random = new SplittableRandom(seed);
        int span = 2 * noise + 1;
        for (int p = 0; p < pixels.length; p++) {
            int rgb = pixels[p];
            int r = clamp((rgb >> 16 & 0xFF) + random.nextInt(span) - noise);
            int g = clamp((rgb >> 8 & 0xFF) + random.nextInt(span) - noise);
            int b = clamp((rgb & 0xFF) + random.nextInt(span) - noise);
            pixels[p] = r << 16 | g << 8 | b;
        }
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
