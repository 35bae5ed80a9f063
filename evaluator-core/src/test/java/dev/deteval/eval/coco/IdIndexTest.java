package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class IdIndexTest {

    /** Whatever the spread of the ids (dense: a table; sparse: a search), the answer is the list's. */
    @Property(tries = 300)
    void of_anyIdsAndQuery_equalsPositionInSortedList(@ForAll @Size(max = 40) long[] ids,
            @ForAll @LongRange(min = -5, max = 120) long query, @ForAll boolean sparse) {
        long[] sorted = Arrays.stream(ids).map(id -> sparse ? id : Math.floorMod(id, 100)).sorted().distinct()
                .toArray();
        IdIndex index = new IdIndex(sorted);

        for (long id : sorted) {
            assertThat(index.of(id)).isEqualTo(Arrays.binarySearch(sorted, id));
        }
        int expected = Arrays.binarySearch(sorted, query);
        assertThat(index.of(query)).isEqualTo(expected >= 0 ? expected : -1);
    }

    @Test
    void of_extremeIds_foundWithoutOverflow() {
        long[] sorted = {Long.MIN_VALUE, -1, 0, 7, Long.MAX_VALUE};
        IdIndex index = new IdIndex(sorted);

        assertThat(index.of(Long.MIN_VALUE)).isZero();
        assertThat(index.of(7)).isEqualTo(3);
        assertThat(index.of(Long.MAX_VALUE)).isEqualTo(4);
        assertThat(index.of(8)).isEqualTo(-1);
    }

    @Test
    void of_cocoCategoryIds_tableAnswersInsideAndOutsideTheRange() {
        long[] sorted = {1, 2, 3, 90};
        IdIndex index = new IdIndex(sorted);

        assertThat(index.of(90)).isEqualTo(3);
        assertThat(index.of(4)).isEqualTo(-1);
        assertThat(index.of(0)).isEqualTo(-1);
        assertThat(index.of(91)).isEqualTo(-1);
        assertThat(new IdIndex(new long[0]).of(1)).isEqualTo(-1);
    }
}
