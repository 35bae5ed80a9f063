package dev.deteval.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

final class StableSortTest {

    @Test
    void descending_ties_keepInputOrder() {
        double[] keys = {0.5, 0.9, 0.5, 0.9, 0.1};
        int[] idx = {0, 1, 2, 3, 4};
        StableSort.descending(idx, keys);
        assertThat(idx).containsExactly(1, 3, 0, 2, 4);
    }

    @Property(tries = 300)
    void descending_anyKeys_equalsBoxedStableSort(@ForAll @Size(max = 200) java.util.List<@IntRange(min = 0, max = 9) Integer> raw) {
        double[] keys = raw.stream().mapToDouble(i -> i / 10.0).toArray();
        int[] idx = IntStream.range(0, keys.length).toArray();
        StableSort.descending(idx, keys);
        int[] expected = IntStream.range(0, keys.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> keys[i]).reversed())
                .mapToInt(Integer::intValue).toArray();
        assertThat(idx).containsExactly(expected);
    }
}
