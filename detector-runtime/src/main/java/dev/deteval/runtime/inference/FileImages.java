package dev.deteval.runtime.inference;

import dev.deteval.runtime.data.SceneRenderer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Image files read into memory up front (so detection speed is not file-reading speed), each with a COCO
 * image id. All images must have one size.
 */
public final class FileImages implements ImageSource {

    private final long[] imageIds;
    private final float[][] pixels;
    private final int width;
    private final int height;

    private FileImages(long[] imageIds, float[][] pixels, int width, int height) {
        this.imageIds = imageIds;
        this.pixels = pixels;
        this.width = width;
        this.height = height;
    }

    /**
     * Reads images.
     *
     * @param files the image files (anything javax.imageio reads: PNG, JPEG, BMP, GIF)
     * @param imageIds the COCO id of each file
     * @throws IllegalArgumentException for an unreadable file or a size that differs from the first file's
     */
    public static FileImages read(List<Path> files, long[] imageIds) {
        if (files.size() != imageIds.length) {
            throw new IllegalArgumentException(files.size() + " files but " + imageIds.length + " image ids");
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no images to read");
        }
        float[][] pixels = new float[files.size()][];
        int width = -1;
        int height = -1;
        for (int i = 0; i < files.size(); i++) {
            BufferedImage image = readOne(files.get(i));
            if (i == 0) {
                width = image.getWidth();
                height = image.getHeight();
            } else if (image.getWidth() != width || image.getHeight() != height) {
                throw new IllegalArgumentException("image " + files.get(i) + " is " + image.getWidth() + " x "
                        + image.getHeight() + " pixels, " + files.get(0) + " is " + width + " x " + height);
            }
            pixels[i] = new float[3 * width * height];
            SceneRenderer.toChannels(image, pixels[i], 0);
        }
        return new FileImages(imageIds.clone(), pixels, width, height);
    }

    private static BufferedImage readOne(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IllegalArgumentException("cannot read image " + file + ": not an image format Java reads");
            }
            return image;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read image " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int count() {
        return imageIds.length;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public long imageId(int index) {
        return imageIds[index];
    }

    @Override
    public void fill(int index, float[] target, int offset) {
        System.arraycopy(pixels[index], 0, target, offset, pixels[index].length);
    }
}
