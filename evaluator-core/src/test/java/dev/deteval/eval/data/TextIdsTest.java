package dev.deteval.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** String ids numbered in the order Python's {@code sorted()} gives strings (by code point). */
final class TextIdsTest {

    @Test
    void of_digitStrings_sortedAsTextNotAsNumbers() {
        TextIds ids = TextIds.of(List.of("9", "10", "100", "2"));

        // Python: sorted(["9", "10", "100", "2"]) == ["10", "100", "2", "9"]
        assertThat(ids.text(1)).isEqualTo("10");
        assertThat(ids.text(2)).isEqualTo("100");
        assertThat(ids.text(3)).isEqualTo("2");
        assertThat(ids.text(4)).isEqualTo("9");
    }

    @Test
    void of_upperAndLowerCase_upperFirst() {
        TextIds ids = TextIds.of(List.of("b", "a", "B"));

        // 'B' is U+0042, 'a' U+0061, 'b' U+0062
        assertThat(ids.id("B")).hasValue(1);
        assertThat(ids.id("a")).hasValue(2);
        assertThat(ids.id("b")).hasValue(3);
    }

    @Test
    void of_supplementaryCharacter_sortedByCodePointNotByUtf16Unit() {
        String emoji = "\uD83D\uDE00"; // U+1F600, whose first UTF-16 unit (0xD83D) is below U+FF01
        TextIds ids = TextIds.of(List.of(emoji, "\uFF01"));

        // Python compares code points: U+FF01 < U+1F600
        assertThat(ids.text(1)).isEqualTo("\uFF01");
        assertThat(ids.text(2)).isEqualTo(emoji);
    }

    @Test
    void of_duplicatesAndPrefix_countedOnceAndPrefixFirst() {
        TextIds ids = TextIds.of(List.of("ab", "a", "ab"));

        assertThat(ids.size()).isEqualTo(2);
        assertThat(ids.text(1)).isEqualTo("a");
        assertThat(ids.id("zz")).isEmpty();
    }

    @Test
    void text_idOutOfRange_rejected() {
        TextIds ids = TextIds.of(List.of("a"));

        assertThatThrownBy(() -> ids.text(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ids.text(2)).isInstanceOf(IllegalArgumentException.class);
    }
}
