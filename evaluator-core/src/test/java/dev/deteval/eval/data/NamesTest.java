package dev.deteval.eval.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class NamesTest {

    @Test
    void visible_controlCharactersAndNewlines_shownAsEscapes() {
        assertThat(Names.visible("x\nok\r\t\u001b[31mRED\u0000\u2028\u202e"))
                .isEqualTo("x\\nok\\r\\t\\u001b[31mRED\\u0000\\u2028\\u202e");
    }

    @Test
    void visible_plainUnicodeAndPairedSurrogates_unchanged() {
        assertThat(Names.visible("café 🚗 person")).isEqualTo("café 🚗 person");
    }

    @Test
    void visible_unpairedSurrogate_shownAsEscape() {
        assertThat(Names.visible("a\ud800b")).isEqualTo("a\\ud800b");
    }

    @Test
    void cell_longName_cutWithMark() {
        String name = "n".repeat(19_000_000);

        String cell = Names.cell(name);

        assertThat(cell).hasSize(Names.CELL_LIMIT).endsWith(Names.CUT_MARK).startsWith("nnnn");
        assertThat(Names.isCut(name)).isTrue();
    }

    @Test
    void cell_nameAtTheLimit_keptWhole() {
        String name = "n".repeat(Names.CELL_LIMIT);

        assertThat(Names.cell(name)).isEqualTo(name);
        assertThat(Names.isCut(name)).isFalse();
    }

    @Test
    void markdown_pipesNewlinesAndHtml_escaped() {
        assertThat(Names.markdown("a|b\nc<i>&\\")).isEqualTo("a\\|b\\\\nc&lt;i&gt;&amp;\\\\");
    }
}
