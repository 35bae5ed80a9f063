package dev.deteval.maven;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.deteval.eval.check.GateJsonWriter;
import dev.deteval.eval.check.GateMarkdownWriter;
import dev.deteval.eval.check.JUnitXmlWriter;
import dev.deteval.eval.report.JsonReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamException;

/** Writes a gate run's reports: report.json (usable as a later baseline), report.md and TEST-deteval.xml. */
final class Reports {

    /** The JSON report's file name. */
    static final String JSON = "report.json";
    /** The Markdown report's file name. */
    static final String MARKDOWN = "report.md";
    /** The JUnit XML report's file name (Surefire's TEST-*.xml pattern, which CI dashboards collect). */
    static final String JUNIT = "TEST-deteval.xml";
    /** The JUnit test suite name. */
    static final String SUITE = "deteval";

    private Reports() {
    }

    /** Writes the three reports into {@code dir}, creating it. */
    static void write(Path dir, GateRun.Result run) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve(JSON);
        try (Writer out = Files.newBufferedWriter(json, StandardCharsets.UTF_8);
                JsonGenerator g = JsonReport.generator(out)) {
            g.writeStartObject();
            run.evaluation().jsonMembers().write(g);
            GateJsonWriter.writeMember(g, run.check());
            g.writeEndObject();
        }
        Path markdown = dir.resolve(MARKDOWN);
        StringBuilder md = new StringBuilder(run.evaluation().markdown()).append('\n');
        GateMarkdownWriter.write(md, run.check());
        Files.writeString(markdown, md, StandardCharsets.UTF_8);
        Path junit = dir.resolve(JUNIT);
        try (OutputStream out = Files.newOutputStream(junit)) {
            JUnitXmlWriter.write(out, run.check(), SUITE);
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + junit + ": " + e.getMessage(), e);
        }
    }
}
