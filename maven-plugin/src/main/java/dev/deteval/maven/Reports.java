package dev.deteval.maven;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.deteval.eval.check.GateJsonWriter;
import dev.deteval.eval.check.GateMarkdownWriter;
import dev.deteval.eval.check.JUnitXmlWriter;
import dev.deteval.eval.io.AtomicFile;
import dev.deteval.eval.io.OutputException;
import dev.deteval.eval.report.JsonReport;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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

    /**
     * Writes the three reports into {@code dir}, creating it. Each file is written whole or not at all
     * ({@link AtomicFile}).
     *
     * @throws OutputException when a report cannot be written
     */
    static void write(Path dir, GateRun.Result run) {
        AtomicFile.createFolder(dir);
        AtomicFile.write(dir.resolve(JSON), stream -> {
            // closing the generator flushes and closes the writer; the stream itself stays open until commit
            try (JsonGenerator g = JsonReport.generator(new OutputStreamWriter(stream, StandardCharsets.UTF_8))) {
                g.writeStartObject();
                run.evaluation().jsonMembers().write(g);
                GateJsonWriter.writeMember(g, run.check());
                g.writeEndObject();
            }
        });
        AtomicFile.write(dir.resolve(MARKDOWN), stream -> {
            Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            out.append(run.evaluation().markdown()).append('\n');
            GateMarkdownWriter.write(out, run.check());
            out.flush();
        });
        AtomicFile.write(dir.resolve(JUNIT), stream -> {
            try {
                JUnitXmlWriter.write(stream, run.check(), SUITE);
            } catch (XMLStreamException e) {
                throw new IOException(e.getMessage(), e);
            }
        });
    }
}
