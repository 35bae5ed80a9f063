package dev.deteval.eval.io;

import dev.deteval.eval.voc.VocDataset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one VOC annotation file ({@code Annotations/<id>.xml}) with StAX and adds its objects to a
 * {@link VocDataset.Builder}.
 *
 * <p>Of the root {@code <annotation>}, only the {@code <object>} children are read; of each object only
 * its own {@code <name>}, {@code <difficult>} (0 when absent) and {@code <bndbox>} with
 * {@code <xmin>}, {@code <ymin>}, {@code <xmax>}, {@code <ymax>} (nested elements such as the
 * {@code <part>} boxes of the person layout are skipped). Coordinates are VOC's 1-based inclusive pixel
 * indices; fractions are accepted (voc_eval.py would reject them). Errors name the file, the line and
 * the problem.
 */
final class VocXmlReader {

    private static final XMLInputFactory FACTORY = factory();

    private final XMLStreamReader r;
    private final String source;
    private final double[] box = new double[4];

    private VocXmlReader(XMLStreamReader r, String source) {
        this.r = r;
        this.source = source;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /**
     * Adds the objects of {@code file} to image {@code image} of {@code builder}; objects of classes the
     * builder does not accept are counted in {@code skipped}.
     */
    static void read(Path file, int image, VocDataset.Builder builder, SkippedClasses skipped) {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = FACTORY.createXMLStreamReader(in);
            try {
                new VocXmlReader(r, source).annotation(image, builder, skipped);
            } finally {
                r.close();
            }
        } catch (IOException e) {
            throw InputFiles.unreadable(file, e);
        } catch (XMLStreamException e) {
            throw malformed(source, e);
        }
    }

    private void annotation(int image, VocDataset.Builder builder, SkippedClasses skipped)
            throws XMLStreamException {
        while (r.next() != XMLStreamConstants.START_ELEMENT) {
            if (r.getEventType() == XMLStreamConstants.END_DOCUMENT) {
                throw error(r.getLocation(), "no root element, expected <annotation>");
            }
        }
        if (!r.getLocalName().equals("annotation")) {
            throw error(r.getLocation(), "root element is <" + r.getLocalName() + ">, expected <annotation>");
        }
        while (nextChild()) {
            if (r.getLocalName().equals("object")) {
                object(image, builder, skipped);
            } else {
                skipElement();
            }
        }
    }

    /** Moves to the next child element (true) or to the end of the current element (false). */
    private boolean nextChild() throws XMLStreamException {
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private void object(int image, VocDataset.Builder builder, SkippedClasses skipped) throws XMLStreamException {
        Location at = r.getLocation();
        String name = null;
        Boolean difficult = null;
        boolean hasBox = false;
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "name" -> name = name != null ? skipAndKeep(name) : text().trim();
                case "difficult" -> difficult = difficult != null ? skipAndKeep(difficult) : flag();
                case "bndbox" -> {
                    if (hasBox) {
                        skipElement();
                    } else {
                        bndbox();
                        hasBox = true;
                    }
                }
                default -> skipElement();
            }
        }
        if (name == null || name.isEmpty()) {
            throw error(at, "<object> has no <name>");
        }
        if (!hasBox) {
            throw error(at, "<object> '" + name + "' has no <bndbox>");
        }
        if (!builder.acceptsClass(name)) {
            skipped.add(name);
            return;
        }
        builder.addObject(image, name, box[0], box[1], box[2], box[3], difficult != null && difficult);
    }

    private <T> T skipAndKeep(T first) throws XMLStreamException {
        skipElement();
        return first;
    }

    private void bndbox() throws XMLStreamException {
        Location at = r.getLocation();
        boolean[] seen = new boolean[4];
        while (nextChild()) {
            int k = switch (r.getLocalName()) {
                case "xmin" -> 0;
                case "ymin" -> 1;
                case "xmax" -> 2;
                case "ymax" -> 3;
                default -> -1;
            };
            if (k < 0 || seen[k]) {
                skipElement();
                continue;
            }
            box[k] = number();
            seen[k] = true;
        }
        String[] names = {"xmin", "ymin", "xmax", "ymax"};
        for (int k = 0; k < 4; k++) {
            if (!seen[k]) {
                throw error(at, "<bndbox> has no <" + names[k] + ">");
            }
        }
        if (box[2] < box[0]) {
            throw error(at, "xmax (" + box[2] + ") is less than xmin (" + box[0] + ")");
        }
        if (box[3] < box[1]) {
            throw error(at, "ymax (" + box[3] + ") is less than ymin (" + box[1] + ")");
        }
    }

    private double number() throws XMLStreamException {
        Location at = r.getLocation();
        String element = r.getLocalName();
        String text = text().trim();
        double v = Numbers.parse(text);
        if (Double.isNaN(v)) {
            throw error(at, "<" + element + "> is not a number: '" + text + "'");
        }
        return v;
    }

    private boolean flag() throws XMLStreamException {
        Location at = r.getLocation();
        String text = text().trim();
        try {
            return Integer.parseInt(text) != 0;
        } catch (NumberFormatException e) {
            throw error(at, "<difficult> must be 0 or 1, got '" + text + "'");
        }
    }

    /** The text of the current element, which must not contain elements; ends on its end tag. */
    private String text() throws XMLStreamException {
        Location at = r.getLocation();
        String element = r.getLocalName();
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                        XMLStreamConstants.ENTITY_REFERENCE -> text.append(r.getText());
                case XMLStreamConstants.START_ELEMENT ->
                        throw error(at, "<" + element + "> must hold text only, found <" + r.getLocalName() + ">");
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                default -> {
                    // comments and processing instructions carry no text
                }
            }
        }
    }

    private InputException error(Location at, String problem) {
        return new InputException(source, where(at), problem);
    }

    private static String where(Location at) {
        if (at == null || at.getLineNumber() < 0) {
            return "";
        }
        return at.getColumnNumber() < 0 ? "line " + at.getLineNumber()
                : "line " + at.getLineNumber() + ", column " + at.getColumnNumber();
    }

    private static InputException malformed(String source, XMLStreamException e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        int m = msg.indexOf("Message: ");
        if (m >= 0) {
            msg = msg.substring(m + "Message: ".length());
        }
        return new InputException(source, where(e.getLocation()), "malformed XML: " + msg.trim(), e);
    }
}
