package dev.deteval.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

final class RadixSortTest {

    @Test
    void descendingKey_orderedDoubles_giveIncreasingUnsignedKeys() {
        double[] descending = {Double.POSITIVE_INFINITY, Double.MAX_VALUE, 1.5, 1, Double.MIN_VALUE, 0,
            -Double.MIN_VALUE, -1, -2.5, -Double.MAX_VALUE, Double.NEGATIVE_INFINITY};
        for (int i = 1; i < descending.length; i++) {
            assertThat(Long.compareUnsigned(RadixSort.descendingKey(descending[i - 1]),
                    RadixSort.descendingKey(descending[i]))).as("%s before %s", descending[i - 1], descending[i])
                    .isNegative();
        }
        assertThat(RadixSort.descendingKey(-0.0)).isEqualTo(RadixSort.descendingKey(0.0));
    }

    @Property(tries = 200)
    void descending_anyKeys_matchesStableSort(@ForAll("keys") double[] keys) {
        int n = keys.length;
        int[] expected = new int[n + 3];
        int[] actual = new int[n + 3];
        for (int i = 0; i < n; i++) {
            // a shuffled starting order, to check ties keep the order given rather than index order
            expected[i + 2] = (int) ((i * 7919L) % n);
            actual[i + 2] = expected[i + 2];
        }
        StableSort.descending(expected, 2, n + 2, keys);
        RadixSort.descending(actual, 2, n + 2, keys);
        assertThat(actual).containsExactly(expected);
    }

    @Provide
    Arbitrary<double[]> keys() {
        Arbitrary<Double> tied = Arbitraries.of(List.of(0.0, -0.0, 0.5, 1.0, -3.0, 1e300, -1e-300));
        Arbitrary<Double> any = Arbitraries.doubles().between(-1e6, 1e6);
        Arbitrary<Double> unit = Arbitraries.doubles().between(0, 1);
        Arbitrary<Double> key = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, tied),
                net.jqwik.api.Tuple.of(1, any), net.jqwik.api.Tuple.of(2, unit));
        // lengths around and well above the radix threshold; a prime length keeps the shuffle a permutation
        return Arbitraries.of(1, 509, 521, 2003, 10007).flatMap(n -> key.array(double[].class).ofSize(n));
    }
}
