package dev.deteval.eval.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class WildcardTest {

    @ParameterizedTest
    @CsvSource({
        "person, person, true",
        "person, persons, false",
        "car*, car, true",
        "car*, carrot, true",
        "car*, scar, false",
        "*car, scar, true",
        "*, anything, true",
        "'*', '', true",
        "c?t, cat, true",
        "c?t, ct, false",
        "*light*, traffic light, true",
        "a*b*c, aXbYbZc, true",
        "a*b*c, aXbYbZ, false",
        "Person, person, false",
        "**, x, true"})
    void matches_pattern_wholeNameCaseSensitive(String pattern, String name, boolean expected) {
        assertThat(Wildcard.matches(pattern, name)).isEqualTo(expected);
    }
}
