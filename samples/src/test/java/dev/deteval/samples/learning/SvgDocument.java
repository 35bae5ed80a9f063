package dev.deteval.samples.learning;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** An SVG file written by {@link SvgPlot}, parsed as XML (a malformed file fails the parse). */
final class SvgDocument {

    private final Element root;

    private SvgDocument(Element root) {
        this.root = root;
    }

    static SvgDocument read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    static SvgDocument parse(String text) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
            return new SvgDocument(document.getDocumentElement());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    Element root() {
        return root;
    }

    /** The data window as {xMin, xMax}. */
    double[] xRange() {
        return range("data-x-range");
    }

    /** The data window as {yMin, yMax}. */
    double[] yRange() {
        return range("data-y-range");
    }

    private double[] range(String attribute) {
        String[] parts = root.getAttribute(attribute).split(" ");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
    }

    /** The series groups in drawing order. */
    List<Element> series() {
        List<Element> out = new ArrayList<>();
        NodeList groups = root.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if ("series".equals(g.getAttribute("class"))) {
                out.add(g);
            }
        }
        return out;
    }

    /** The names of the series, in drawing order. */
    List<String> seriesNames() {
        List<String> names = new ArrayList<>();
        for (Element g : series()) {
            names.add(g.getAttribute("data-name"));
        }
        return names;
    }

    /** How many elements named {@code tag} a series holds. */
    static int count(Element series, String tag) {
        return series.getElementsByTagName(tag).getLength();
    }

    /** The number of points of a line series. */
    static int linePoints(Element series) {
        Element line = (Element) series.getElementsByTagName("polyline").item(0);
        return line.getAttribute("points").trim().split("\\s+").length;
    }
}
