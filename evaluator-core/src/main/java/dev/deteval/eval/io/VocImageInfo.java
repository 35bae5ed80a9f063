package dev.deteval.eval.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What a conversion needs from a VOC annotation file beyond its objects: {@code <filename>}, the image size
 * {@code <size><width>, <height>} and the line of each {@code <object>} (in file order, for messages).
 *
 * @param fileName the {@code <filename>} text, or empty
 * @param width the image width in pixels
 * @param height the image height in pixels
 * @param objectLines the line of each {@code <object>} element
 */
record VocImageInfo(String fileName, int width, int height, List<Integer> objectLines) {

    private static final XMLInputFactory FACTORY = factory();

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** Reads {@code file} (already read once by {@link VocXmlReader}, so it is well-formed). */
    static VocImageInfo read(Path file) {
        String source = file.toString();
        String fileName = "";
        String width = null;
        String height = null;
        int sizeLine = -1;
        List<Integer> objects = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = FACTORY.createXMLStreamReader(in);
            try {
                List<String> path = new ArrayList<>();
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        path.add(r.getLocalName());
                        String at = String.join("/", path);
                        switch (at) {
                            case "annotation/object" -> objects.add(r.getLocation().getLineNumber());
                            case "annotation/filename" -> fileName = r.getElementText().trim();
                            case "annotation/size" -> sizeLine = r.getLocation().getLineNumber();
                            case "annotation/size/width" -> width = r.getElementText().trim();
                            case "annotation/size/height" -> height = r.getElementText().trim();
                            default -> {
                                continue;
                            }
                        }
                        if (r.getEventType() == XMLStreamConstants.END_ELEMENT) {
                            path.remove(path.size() - 1); // getElementText ended on the end tag
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        path.remove(path.size() - 1);
                    }
                }
            } finally {
                r.close();
            }
        } catch (IOException e) {
            throw InputFiles.unreadable(file, e);
        } catch (XMLStreamException e) {
            throw new InputException(source, "", "malformed XML: " + e.getMessage(), e);
        }
        String where = sizeLine < 0 ? "" : TextFile.line(sizeLine);
        if (width == null || height == null) {
            throw new InputException(source, where, "has no <size> with <width> and <height>; the image size is"
                    + " needed to convert its boxes");
        }
        return new VocImageInfo(fileName, dimension(source, where, "width", width),
                dimension(source, where, "height", height), List.copyOf(objects));
    }

    private static int dimension(String source, String where, String name, String text) {
        try {
            int v = Integer.parseInt(text);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException(source, where, "<" + name + "> must be a whole number of pixels above 0, got '"
                + dev.deteval.eval.data.Names.cell(text) + "'");
    }
}
