package dev.deteval.eval.report;

import dev.deteval.eval.check.CheckResult;
import dev.deteval.eval.check.Element;
import dev.deteval.eval.check.Limit;
import dev.deteval.eval.check.Outcome;

import dev.deteval.eval.data.Names;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a gate run in the JUnit XML form that Surefire writes and CI dashboards read: one
 * {@code <testsuite>} with one {@code <testcase>} per outcome. A violated limit or a value that cannot
 * be computed is a {@code <failure>} whose {@code message} is the outcome's message (types
 * {@value #TYPE_VIOLATED} and {@value #TYPE_MISSING}); an ignored one is {@code <skipped>}. Every test case
 * carries its message in {@code <system-out>}.
 *
 * <p>Test cases are named by the limit in rule syntax ({@code AP>=0.450}); the class name is the suite
 * name plus {@code .dataset} or {@code .category.<name>}, so dashboards group the limits by element.
 */
public final class JUnitXmlWriter {

    /** The failure type of a violated limit. */
    public static final String TYPE_VIOLATED = "deteval.RuleViolated";

    /** The failure type of a limit whose value cannot be computed. */
    public static final String TYPE_MISSING = "deteval.MetricMissing";

    private JUnitXmlWriter() {
    }

    /**
     * Writes the document (UTF-8) to {@code out}, which stays open.
     *
     * @param suiteName the test suite name, e.g. {@code deteval}
     * @throws XMLStreamException when writing fails
     */
    public static void write(OutputStream out, CheckResult result, String suiteName) throws XMLStreamException {
        XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
        w.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
        w.writeCharacters("\n");
        w.writeStartElement("testsuite");
        w.writeAttribute("name", suiteName);
        w.writeAttribute("tests", Integer.toString(result.outcomes().size()));
        w.writeAttribute("failures", Long.toString(result.violations().size()));
        w.writeAttribute("errors", "0");
        w.writeAttribute("skipped", Long.toString(result.count(Outcome.Status.IGNORED)));
        w.writeAttribute("time", "0");
        for (Outcome o : result.outcomes()) {
            writeCase(w, o, suiteName);
        }
        w.writeCharacters("\n");
        w.writeEndElement();
        w.writeCharacters("\n");
        w.writeEndDocument();
        w.flush();
        w.close();
    }

    private static void writeCase(XMLStreamWriter w, Outcome o, String suiteName) throws XMLStreamException {
        w.writeCharacters("\n  ");
        w.writeStartElement("testcase");
        w.writeAttribute("name", o.limit().toString());
        w.writeAttribute("classname", suiteName + "." + (o.element() == Element.DATASET ? "dataset"
                : "category." + Names.cell(o.name())));
        w.writeAttribute("time", "0");
        if (o.failed()) {
            w.writeCharacters("\n    ");
            w.writeStartElement("failure");
            w.writeAttribute("message", o.message());
            w.writeAttribute("type", o.status() == Outcome.Status.MISSING ? TYPE_MISSING : TYPE_VIOLATED);
            w.writeCharacters(o.message());
            w.writeEndElement();
        } else if (o.status() == Outcome.Status.IGNORED) {
            w.writeCharacters("\n    ");
            w.writeEmptyElement("skipped");
            w.writeAttribute("message", o.message());
        }
        w.writeCharacters("\n    ");
        w.writeStartElement("system-out");
        w.writeCharacters(o.message());
        w.writeEndElement();
        w.writeCharacters("\n  ");
        w.writeEndElement();
    }
}
