package dev.deteval.eval.report;

import dev.deteval.eval.check.Rule;
import dev.deteval.eval.check.CheckResult;
import dev.deteval.eval.check.OnMissing;
import dev.deteval.eval.check.RuleSyntax;
import dev.deteval.eval.check.RulesChecker;
import dev.deteval.eval.check.MetricSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

final class JUnitXmlWriterTest {

    static Document write(CheckResult result) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JUnitXmlWriter.write(out, result, "deteval");
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.toByteArray()));
    }

    static CheckResult sample() {
        MetricSnapshot current = GateSamples.coco(0.5, 0.4125, 0.5);
        return GateSamples.check(current, null, "AP>=0.35", "category:person:AP>=0.450",
                "category:truck:AP>=0.1");
    }

    @Test
    void write_outcomes_oneTestCasePerLimitAndElement() throws Exception {
        Element suite = write(sample()).getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("deteval");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("0");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        Element first = (Element) cases.item(0);
        assertThat(first.getAttribute("name")).isEqualTo("AP>=0.35");
        assertThat(first.getAttribute("classname")).isEqualTo("deteval.dataset");
        assertThat(first.getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void write_violation_isFailureWithMessage() throws Exception {
        Element person = (Element) write(sample()).getElementsByTagName("testcase").item(1);
        assertThat(person.getAttribute("classname")).isEqualTo("deteval.category.person");
        Element failure = (Element) person.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message"))
                .isEqualTo("Rule violated for category person: AP is 0.412, but expected minimum is 0.450");
        assertThat(failure.getAttribute("type")).isEqualTo(JUnitXmlWriter.TYPE_VIOLATED);
    }

    @Test
    void write_missing_isFailureOfMissingType() throws Exception {
        Element truck = (Element) write(sample()).getElementsByTagName("testcase").item(2);
        Element failure = (Element) truck.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo(JUnitXmlWriter.TYPE_MISSING);
        assertThat(failure.getTextContent()).contains("the category has no ground truth");
    }

    @Test
    void write_ignored_isSkipped() throws Exception {
        Rule rule = RuleSyntax.parse("category:bus*:AP>=0.1", OnMissing.IGNORE);
        CheckResult result = new RulesChecker(java.util.List.of(rule))
                .check(GateSamples.coco(0.5, 0.5, 0.5), null);
        Document doc = write(result);
        assertThat(doc.getDocumentElement().getAttribute("skipped")).isEqualTo("1");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        Element skipped = (Element) doc.getElementsByTagName("skipped").item(0);
        assertThat(skipped.getAttribute("message")).startsWith("Rule ignored for category bus*");
    }
}
