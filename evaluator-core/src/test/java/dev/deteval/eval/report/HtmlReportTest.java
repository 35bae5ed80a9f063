package dev.deteval.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.check.CheckMessages;
import dev.deteval.eval.check.CheckResult;
import dev.deteval.eval.check.Protocol;
import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.DetectionConfusionMatrix;
import dev.deteval.eval.coco.OperatingPoints;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.VocReader;
import dev.deteval.eval.voc.VocDataset;
import dev.deteval.eval.voc.VocEvaluator;
import dev.deteval.eval.voc.VocParams;
import dev.deteval.eval.voc.VocResult;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML page as text (the browser checks are in {@link HtmlReportChromiumIT}). */
final class HtmlReportTest {

    private static final String HOSTILE = "<script>alert(\"x\")</script>' onload=`y`";

    // two categories with one box each; category 2's name is hostile; one hit, one miss, one false positive
    private static final GroundTruth GT = GroundTruth.builder().addImage(1, 100, 100, "a.jpg")
            .addCategory(1, "cat").addCategory(2, HOSTILE)
            .addAnnotation(1, 1, 1, 0, 0, 10, 10, 100, false, false)
            .addAnnotation(2, 1, 2, 50, 50, 10, 10, 100, false, false).build();
    private static final Detections DT = Detections.builder().add(1, 1, 0, 0, 10, 10, 0.9)
            .add(1, 2, 20, 20, 10, 10, 0.6).build();

    private static HtmlReport.Builder full() {
        CocoResult result = CocoEvaluator.evaluate(GT, DT);
        return HtmlReport.coco(result).optOperatingPoints(OperatingPoints.compute(GT, DT, CocoParams.defaults(), 0.5))
                .optConfusionMatrix(DetectionConfusionMatrix.compute(GT, DT, CocoParams.defaults(), 0.5, 0.0,
                        DetectionConfusionMatrix.Matching.CLASS_AWARE));
    }

    @Test
    void render_hostileCategoryName_escapedEverywhere() {
        String page = full().build().render(null);
        assertThat(page).doesNotContain(HOSTILE).doesNotContain("<script>alert")
                .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onload&#61;&#96;y&#96;");
        // the page's own script only
        assertThat(count(page, "<script>")).isEqualTo(1);
    }

    @Test
    void template_everyValue_goesThroughTheEscaper() {
        assertThat(HtmlTemplate.text()).doesNotContain("{{{").doesNotContain("{{&");
    }

    @Test
    void render_page_loadsNothingFromOutside() {
        String page = full().build().render(null);
        assertThat(page).doesNotContainPattern("(?i)(src|href)\\s*=").doesNotContain("http://")
                .doesNotContain("https://").doesNotContain("@import");
    }

    @Test
    void render_curves_oneSvgPathPerCountedCurve() {
        HtmlReport html = full().build();
        // PR at IoU .5 and .75: 2 categories with ground truth + the mean; confidence: 3 pooled + 2 per category
        assertThat(html.curveCount()).isEqualTo(2 * (2 + 1) + 3 + 2);
        assertThat(count(html.render(null), "<path class=\"curve")).isEqualTo(html.curveCount());
        assertThat(html.categoryRows()).isEqualTo(2);
    }

    @Test
    void render_heatMap_oneCellPerNonEmptyEntryAndOneSquareForTheEmptyOnes() {
        String page = full().build().render(null);
        // 2 classes + background: the hit (cat, cat), the miss (hostile, background) and the false positive
        // (background, hostile) are the matrix's only non-zero entries
        assertThat(count(page, "<rect class=\"cell\"")).isEqualTo(3);
        assertThat(count(page, "<rect class=\"empty\"")).isEqualTo(1);
        // the script's class names for the empty cells' tooltips: every row's, background last
        assertThat(page).contains("<g class=\"names\" display=\"none\"><text>cat</text><text>&lt;script&gt;alert(")
                .contains("</text><text>background</text></g>").contains("data-empty-tip=\": 0 (0.000 of the row)\"");
    }

    @Test
    void render_noErrorsOrImagesGiven_sectionsLeftOut() {
        String page = full().build().render(null);
        assertThat(page).doesNotContain("id=\"error-breakdown\"").doesNotContain("id=\"worst-images\"");
    }

    @Test
    void render_errorsAndImagesGiven_sectionsShowTheirRows() {
        String page = full().optErrorBreakdown("foreground IoU 0.5, background IoU 0.1",
                List.of(new HtmlReport.ErrorRow("classification", 3, 0.0125), new HtmlReport.ErrorRow("missed", 1,
                        Double.NaN))).optWorstImages(List.of(new HtmlReport.ImageRow("b<1>.jpg", 0, 2, 1))).build()
                .render(null);
        assertThat(page).contains("id=\"error-breakdown\"").contains("foreground IoU 0.5, background IoU 0.1")
                .contains("<td>classification</td>").contains(">0.0125<").contains("id=\"worst-images\"")
                .contains("<td>b&lt;1&gt;.jpg</td>");
    }

    @Test
    void render_gateGiven_showsVerdict() {
        String page = full().build().render(new CheckResult(List.of()));
        assertThat(page).contains(CheckMessages.RULES_MET);
    }

    @Test
    void voc_sampleDevkit_mapAndOneRowPerClass() {
        // samples/data/voc: cat and dog, mAP (voc07) 23/33 = 0.697 (samples/data/README.md)
        Path voc = Path.of("../samples/data/voc");
        VocReader reader = new VocReader();
        VocDataset gt = reader.readGroundTruth(voc);
        VocResult result = VocEvaluator.evaluate(gt,
                reader.readDetections(voc.resolve("results"), gt), VocParams.defaults());
        HtmlReport html = HtmlReport.voc(result, Protocol.VOC07).build();
        assertThat(html.categoryRows()).isEqualTo(2);
        assertThat(html.curveCount()).isZero();
        assertThat(html.render(null)).contains("<td>mAP</td><td class=\"num\">0.697</td>")
                .contains(">cat</td>").contains(">dog</td>").doesNotContain("id=\"confusion-matrix\"");
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
