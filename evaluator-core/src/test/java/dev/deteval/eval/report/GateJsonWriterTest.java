package dev.deteval.eval.report;

import dev.deteval.eval.check.CheckMessages;
import dev.deteval.eval.check.CheckResult;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

final class GateJsonWriterTest {

    static JsonNode write(CheckResult result) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("tool", "deteval");
            GateJsonWriter.writeMember(g, result);
            g.writeEndObject();
        }
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void writeMember_outcomes_haveDocumentedShape() throws Exception {
        JsonNode gate = write(JUnitXmlWriterTest.sample()).get("gate");
        assertThat(gate.get("passed").asBoolean()).isFalse();
        assertThat(gate.get("limitsChecked").asInt()).isEqualTo(3);
        assertThat(gate.get("passedCount").asInt()).isEqualTo(1);
        assertThat(gate.get("violatedCount").asInt()).isEqualTo(1);
        assertThat(gate.get("missingCount").asInt()).isEqualTo(1);
        assertThat(gate.get("ignoredCount").asInt()).isZero();
        JsonNode person = gate.get("outcomes").get(1);
        assertThat(person.get("rule").asInt()).isEqualTo(2);
        assertThat(person.get("element").asText()).isEqualTo("category");
        assertThat(person.get("name").asText()).isEqualTo("person");
        assertThat(person.get("metric").asText()).isEqualTo("AP");
        assertThat(person.get("limit").asText()).isEqualTo("minimum");
        assertThat(person.get("bound").decimalValue()).isEqualByComparingTo("0.450");
        assertThat(person.get("actual").asDouble()).isEqualTo(0.4125);
        assertThat(person.get("baseline").isNull()).isTrue();
        assertThat(person.get("shown").asText()).isEqualTo("0.412");
        assertThat(person.get("status").asText()).isEqualTo("violated");
        assertThat(person.get("message").asText()).startsWith(CheckMessages.VIOLATION_PREFIX + "category person");
        assertThat(gate.get("outcomes").get(2).get("status").asText()).isEqualTo("missing");
    }

    @Test
    void writeMember_dropLimit_writesBaselineAndKind() throws Exception {
        CheckResult result = GateSamples.check(GateSamples.coco(0.4, 0.5, 0.5),
                GateSamples.coco(0.42, 0.5, 0.5), "AP:maxDrop=0.01");
        JsonNode o = write(result).get("gate").get("outcomes").get(0);
        assertThat(o.get("limit").asText()).isEqualTo("maximumDrop");
        assertThat(o.get("baseline").asDouble()).isEqualTo(0.42);
        assertThat(o.get("shown").asText()).isEqualTo("0.020");
    }
}
