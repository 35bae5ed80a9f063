package dev.deteval.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.data.Names;
import org.junit.jupiter.api.Test;

/** The template's shortcut for values that need no escaping never skips a value {@link Names#html} changes. */
final class HtmlTemplateTest {

    @Test
    void plain_everyCharacterOfTheBasicPlane_onlyWhereNamesHtmlKeepsIt() {
        int plain = 0;
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String s = "a" + c + "1";
            if (HtmlTemplate.plain(s)) {
                plain++;
                assertThat(Names.html(s)).as("U+%04X", (int) c).isEqualTo(s);
            }
        }
        // printable ASCII (0x20 to 0x7e, 95 characters) without & < > " ' ` =
        assertThat(plain).isEqualTo(95 - 7);
    }

    @Test
    void plain_escapedOrHiddenCharacters_notPlain() {
        for (String s : new String[] {"a&b", "<", ">", "\"", "'", "`", "x=1", "tab\t", "\u007f", "\u00e9", "\u202e"}) {
            assertThat(HtmlTemplate.plain(s)).as(s).isFalse();
        }
        assertThat(HtmlTemplate.plain("M48.0 300.0 L52.9 12.0")).isTrue();
    }
}
