package dev.deteval.eval.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.mask.Masks.Bitmap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

final class RleStringsTest {

    @Provide
    Arbitrary<Bitmap> bitmaps() {
        return Masks.bitmaps();
    }

    @Provide
    Arbitrary<List<Integer>> runs() {
        return Arbitraries.integers().between(0, 5000).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property
    void encode_decode_roundTripsBitmaps(@ForAll("bitmaps") Bitmap bitmap) {
        Rle rle = bitmap.rle();
        assertThat(RleStrings.decode(RleStrings.encode(rle), rle.height(), rle.width())).isEqualTo(rle);
    }

    @Property
    void encode_decode_roundTripsAnyRuns(@ForAll("runs") List<Integer> runs) {
        int[] counts = runs.stream().mapToInt(Integer::intValue).toArray();
        int sum = runs.stream().mapToInt(Integer::intValue).sum();
        Rle rle = Rle.of(1, sum, counts);
        assertThat(RleStrings.decode(RleStrings.encode(rle), 1, sum)).isEqualTo(rle);
    }

    @Test
    void encode_smallRuns_usesOneCharacterEach() {
        // runs 3, 2, 4 as '0'+3, '0'+2, '0'+4; then differences to two runs before: 1-2 = -1 is the 5-bit
        // group 31 (sign bit 16 set, nothing follows) = 'O'; 6-4 = 2 = '2'
        Rle rle = Rle.of(4, 4, new int[] {3, 2, 4, 1, 6});
        assertThat(RleStrings.encode(rle)).isEqualTo("324O2");
        assertThat(RleStrings.decode("324O2", 4, 4)).isEqualTo(rle);
    }

    @Test
    void encode_largeRun_usesContinuationGroups() {
        // 100 = 3*32 + 4: first group 4 with the continuation bit 32 -> '0'+36 = 'T', then 3 -> '3'
        Rle rle = Rle.of(10, 10, new int[] {100});
        assertThat(RleStrings.encode(rle)).isEqualTo("T3");
        assertThat(RleStrings.decode("T3", 10, 10)).isEqualTo(rle);
    }

    @Test
    void decode_pycocotoolsString_givesMaskOfFrBbox() {
        // dt.json of edge_segm_poly_rle_crowd, first result: a 32x32 square, same string as the encoding
        // of the box [10, 10, 32, 32] rasterised like pycocotools' frBbox. "Zi0" = 10 + 25*32 + 0*32^2 = 810
        // = 10*80 + 10 background pixels before column 10, row 10
        String counts = "Zi0P1`10000000000000000000000000000000000000000000000000000000000000f`4";
        Rle mask = RleStrings.decode(counts, 80, 100);
        assertThat(mask.counts()[0]).isEqualTo(10 * 80 + 10);
        assertThat(mask.area()).isEqualTo(32 * 32);
        assertThat(mask.bbox()).containsExactly(10, 10, 32, 32);
        assertThat(RleStrings.encode(Rle.fromBox(10, 10, 32, 32, 80, 100))).isEqualTo(counts);
    }

    @Test
    void decode_characterOutOfRange_throws() {
        assertThatThrownBy(() -> RleStrings.decode("12!", 2, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("compressed RLE has character '!' (code 33) at index 2; expected '0'..'o'");
        assertThatThrownBy(() -> RleStrings.decode("p", 2, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("character 'p' (code 112) at index 0");
    }

    @Test
    void decode_endsInsideValue_throws() {
        // 'T' = '0' + 36 carries the continuation bit 32
        assertThatThrownBy(() -> RleStrings.decode("1T", 10, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("compressed RLE is truncated: the value starting at index 1 continues past the end"
                        + " of the string (length 2)");
    }

    @Test
    void decode_negativeRun_throws() {
        assertThatThrownBy(() -> RleStrings.decode("O", 2, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("compressed RLE run 0 (at index 0) decodes to -1, outside 0..4 (h*w)");
    }

    @Test
    void decode_runsNotSummingToPixels_throws() {
        assertThatThrownBy(() -> RleStrings.decode("12", 2, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RLE counts sum to 3 but h*w = 4 (h=2, w=2)");
        assertThatThrownBy(() -> RleStrings.decode("", 2, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RLE counts sum to 0 but h*w = 4 (h=2, w=2)");
    }
}
