package dev.deteval.eval.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonLocatorTest {

    private static final JsonFactory FACTORY = new JsonFactory();

    // line 1: {"info": {"a": [1, 2]},
    // line 2:  "annotations": [{"id": 1}, {"x": [3, {"id": 9}], "id": 2},
    // line 3:   {"id": 3, "image_id": 40}]}
    private static final byte[] DOC = ("{\"info\": {\"a\": [1, 2]},\n"
            + " \"annotations\": [{\"id\": 1}, {\"x\": [3, {\"id\": 9}], \"id\": 2},\n"
            + "  {\"id\": 3, \"image_id\": 40}]}").getBytes(StandardCharsets.UTF_8);

    @Test
    void find_memberOfElement_givesLineAndColumnOfItsValue() {
        JsonLocation loc = JsonLocator.find(FACTORY, DOC, "annotations", 2, "image_id");

        assertThat(loc.getLineNr()).isEqualTo(3);
        assertThat(loc.getColumnNr()).isEqualTo("  {\"id\": 3, \"image_id\": ".length() + 1);
    }

    @Test
    void find_memberAfterNestedValues_skipsTheirChildren() {
        JsonLocation loc = JsonLocator.find(FACTORY, DOC, "annotations", 1, "id");

        assertThat(loc.getLineNr()).isEqualTo(2);
        assertThat(loc.getColumnNr()).isEqualTo(" \"annotations\": [{\"id\": 1}, {\"x\": [3, {\"id\": 9}], \"id\": ".length() + 1);
    }

    @Test
    void find_missingMemberOrIndexOrWrongShape_givesNull() {
        assertThat(JsonLocator.find(FACTORY, DOC, "annotations", 3, "id")).isNull();
        assertThat(JsonLocator.find(FACTORY, DOC, "annotations", 0, "image_id")).isNull();
        assertThat(JsonLocator.find(FACTORY, DOC, "images")).isNull();
        assertThat(JsonLocator.find(FACTORY, DOC, 0)).isNull();
        assertThat(JsonLocator.find(FACTORY, DOC, "info", "a", "b")).isNull();
    }

    @Test
    void find_malformedDocument_givesNullInsteadOfThrowing() {
        byte[] broken = "{\"annotations\": [{\"id\": 1,,}]}".getBytes(StandardCharsets.UTF_8);

        assertThat(JsonLocator.find(FACTORY, broken, "annotations", 0, "x")).isNull();
    }
}
