package dev.deteval.eval.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Issue 14: any rule text either parses or is refused with an {@link InvalidRuleException} (the gate's
 * clean error for a bad rule, exit code 2); seed inputs in
 * {@code src/test/resources/dev/deteval/eval/check/RuleSyntaxFuzzTestInputs/}.
 */
final class RuleSyntaxFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void parse_anyText_ruleOrInvalidRuleException(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            Rule rule = RuleSyntax.parse(text);
            for (Limit limit : rule.limits()) {
                limit.value().toPlainString(); // a parsed limit must print in bounded time
            }
        } catch (InvalidRuleException expected) {
            // a bad rule, said cleanly
        }
    }
}
