package dev.deteval.eval.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Image sizes read from the files' headers, without decoding any pixels: the format is recognised from the
 * content (not the extension) by the JDK's ImageIO readers (PNG, JPEG, BMP, GIF, TIFF, WBMP), which read only
 * as far as the size. A JPEG whose EXIF orientation is 6 or 8 (a quarter turn) has width and height swapped,
 * as Ultralytics does ({@code exif_size}), because its labels describe the image as displayed.
 */
final class ImageHeaders {

    private ImageHeaders() {
    }

    /** {@code [width, height]} in pixels of the image as displayed. */
    static int[] size(Path image) {
        try (ImageInputStream in = new FileImageInputStream(image.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InputException(image.toString(), "", "image format not recognised (readable: PNG, JPEG,"
                        + " BMP, GIF, TIFF); its size is needed to convert the normalised YOLO boxes to pixels");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0) {
                    throw new InputException(image.toString(), "", "image header gives a size of " + w + " x " + h);
                }
                boolean quarterTurn = reader.getFormatName().equalsIgnoreCase("jpeg")
                        && ExifOrientation.isQuarterTurn(image);
                return quarterTurn ? new int[] {h, w} : new int[] {w, h};
            } finally {
                reader.dispose();
            }
        } catch (java.io.FileNotFoundException e) {
            throw new InputException(image.toString(), "", "cannot be read: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            throw new InputException(image.toString(), "", "image header cannot be read: " + e.getMessage(), e);
        }
    }
}
