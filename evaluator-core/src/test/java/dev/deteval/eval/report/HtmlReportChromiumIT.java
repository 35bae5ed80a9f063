package dev.deteval.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.DetectionConfusionMatrix;
import dev.deteval.eval.coco.ErrorType;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.coco.OperatingPoints;
import dev.deteval.eval.coco.PerImageCounts;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.gate.Gate;
import dev.deteval.eval.gate.GateRequest;
import dev.deteval.eval.io.AtomicFile;
import dev.deteval.eval.io.CocoJsonReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Opens HTML reports in real headless Chromium and checks what the browser rendered: the number of curves,
 * table rows and heat-map cells, that the scripts sort and pick out without a console error, and that hostile
 * names stay text. Keeps a screenshot of the bundled sample's report at
 * {@code target/html-report/report.png} for a person to look at (docs/img/html-report.png is a copy).
 */
final class HtmlReportChromiumIT {

    private static final Path SAMPLES = Path.of("..", "samples", "data");
    private static final Path OUT = Path.of("target", "html-report");

    private static Chromium chromium;

    @BeforeAll
    static void start() {
        chromium = new Chromium();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void sampleReport_inChromium_hasEveryCurveRowAndCellAndNoConsoleError() throws Exception {
        Path gt = SAMPLES.resolve("instances_val.json");
        Path page = OUT.resolve("report.html");
        Gate.run(GateRequest.builder(gt, SAMPLES.resolve("detections.json")).optHtml(page).build());
        // the sample's categories, and those with at least one non-crowd box (COCO draws a PR curve for those)
        JsonNode json = new ObjectMapper().readTree(gt.toFile());
        int categories = json.get("categories").size();
        Set<Long> withBoxes = new HashSet<>();
        for (JsonNode a : json.get("annotations")) {
            if (a.path("iscrowd").asInt(0) == 0) {
                withBoxes.add(a.get("category_id").asLong());
            }
        }
        int withGroundTruth = withBoxes.size();

        chromium.open(page);
        var d = chromium.driver();
        // PR curves at IoU 0.5 and 0.75: one per category with ground truth plus the mean; against
        // confidence: precision, recall and F1 pooled, then F1 per category
        int expectedCurves = 2 * (withGroundTruth + 1) + 3 + categories;
        assertThat(d.findElements(By.cssSelector("path.curve"))).hasSize(expectedCurves);
        assertThat(d.findElements(By.cssSelector("#category-table tbody tr"))).hasSize(categories);
        assertThat(d.findElements(By.cssSelector("circle.marker"))).hasSize(1);
        // the error breakdown: one row per error type; the worst images: those with an error at the heat map's
        // confidence (the pooled best F1 at IoU 0.5), at most 20
        assertThat(d.findElements(By.cssSelector("#error-table tbody tr"))).hasSize(ErrorType.values().length);
        CocoJsonReader.Inputs inputs = new CocoJsonReader(IouType.BBOX).readBoth(gt,
                SAMPLES.resolve("detections.json"));
        CocoParams params = CocoParams.defaults();
        double best = OperatingPoints.compute(inputs.groundTruth(), inputs.detections(), params, 0.5).bestF1()
                .overall().confidence();
        // the heat map (class-aware at that confidence): one square per non-empty entry, and hovering an empty
        // entry shows the text its own square would have had as tooltip
        DetectionConfusionMatrix matrix = DetectionConfusionMatrix.compute(inputs.groundTruth(),
                inputs.detections(), params, 0.5, best, DetectionConfusionMatrix.Matching.CLASS_AWARE);
        long nonEmpty = Arrays.stream(matrix.counts()).flatMapToLong(Arrays::stream).filter(c -> c > 0).count();
        assertThat(matrix.size()).isEqualTo(categories + 1);
        assertThat(d.findElements(By.cssSelector("svg.heatmap rect.cell"))).hasSize((int) nonEmpty)
                .hasSizeLessThan(matrix.size() * matrix.size());
        int[] cell = firstEmpty(matrix);
        List<String> names = new ArrayList<>(matrix.categoryNames());
        names.add("background");
        WebElement empty = d.findElement(By.cssSelector("svg.heatmap rect.empty"));
        int side = Integer.parseInt(d.findElement(By.cssSelector("svg.heatmap")).getAttribute("data-cell"));
        int span = side * matrix.size();
        // from the square's centre to the centre of cell (row, column); the page's units are CSS pixels
        new Actions(d).moveToElement(empty, cell[1] * side + side / 2 - span / 2, cell[0] * side + side / 2 - span / 2)
                .perform();
        String expected = "true " + names.get(cell[0]) + ", predicted " + names.get(cell[1]) + ": 0 (0.000 of the row)";
        assertThat(d.findElement(By.cssSelector("#confusion-matrix .heatmap-hover")).getText()).isEqualTo(expected);
        assertThat(empty.findElement(By.tagName("title")).getAttribute("textContent")).isEqualTo(expected);
        long withErrors = PerImageCounts.compute(inputs.groundTruth(), inputs.detections(), params, 0.5, best)
                .worstFirst().stream().filter(c -> c.errors() > 0).count();
        assertThat(d.findElements(By.cssSelector("#image-table tbody tr"))).hasSize((int) Math.min(20, withErrors))
                .isNotEmpty();

        // sorting: click AP (column 3) once, descending
        List<WebElement> headers = d.findElements(By.cssSelector("#category-table thead th"));
        headers.get(2).click();
        List<Double> ap = d.findElements(By.cssSelector("#category-table tbody tr td:nth-child(3)")).stream()
                .map(td -> td.getAttribute("data-key")).map(Double::parseDouble).toList();
        assertThat(ap).isSortedAccordingTo((a, b) -> Double.compare(b, a));

        // picking out one curve
        d.findElement(By.cssSelector("#pr-50 select option:nth-child(2)")).click();
        assertThat(d.findElements(By.cssSelector("#pr-50 path.curve.selected"))).hasSize(1);

        chromium.screenshot(OUT.resolve("report.png"));
        assertThat(Files.size(OUT.resolve("report.png"))).isGreaterThan(10_000);
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    /** The (row, column) of the first zero entry of {@code m} in row-major order. */
    private static int[] firstEmpty(DetectionConfusionMatrix m) {
        for (int r = 0; r < m.size(); r++) {
            for (int c = 0; c < m.size(); c++) {
                if (m.count(r, c) == 0) {
                    return new int[] {r, c};
                }
            }
        }
        throw new AssertionError("the sample's matrix has no empty entry");
    }

    @Test
    void consoleErrors_pageThatLogsAnError_areSeen() throws Exception {
        // the check the other tests rely on: a page whose script fails is caught
        Path page = OUT.resolve("failing.html");
        AtomicFile.write(page, out -> out.write(("<!DOCTYPE html><html><body><script>console.error('seen');"
                + "undefinedFunction();</script></body></html>").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        chromium.open(page);
        assertThat(chromium.consoleErrors()).hasSize(2).anyMatch(m -> m.contains("seen"))
                .anyMatch(m -> m.contains("undefinedFunction"));
    }

    @Test
    void hostileNames_inChromium_showAsTextAndRunNoScript() throws Exception {
        String[] names = {"<img src=x onerror=\"console.error('xss1')\">", "\"></path><script>console.error('xss2')</script>",
            "'; console.error('xss3'); '", "a\u202eb\nc"};
        GroundTruth.Builder gtb = GroundTruth.builder().addImage(1, 100, 100, "1.jpg");
        Detections.Builder dtb = Detections.builder();
        for (int i = 0; i < names.length; i++) {
            gtb.addCategory(i + 1, names[i]).addAnnotation(i + 1, 1, i + 1, 10 * i, 0, 10, 10, 100, false, false);
            dtb.add(1, i + 1, 10 * i, 0, 10, 10, 0.9).add(1, i + 1, 10 * i, 50, 10, 10, 0.4);
        }
        GroundTruth gt = gtb.build();
        Detections dt = dtb.build();
        CocoResult result = CocoEvaluator.evaluate(gt, dt);
        HtmlReport html = HtmlReport.coco(result)
                .optOperatingPoints(OperatingPoints.compute(gt, dt, CocoParams.defaults(), 0.5))
                .optErrorBreakdown("<b>thresholds</b>", List.of(new HtmlReport.ErrorRow(names[0], 2, 0.01)))
                .optWorstImages(List.of(new HtmlReport.ImageRow(names[1], 1, 2, 3))).build();
        Path page = OUT.resolve("hostile.html");
        AtomicFile.write(page, out -> html.write(out, null));

        chromium.open(page);
        var d = chromium.driver();
        assertThat(d.findElements(By.tagName("script"))).hasSize(1);
        assertThat(d.findElements(By.tagName("img"))).isEmpty();
        List<String> shown = d.findElements(By.cssSelector("#category-table tbody td:nth-child(2)")).stream()
                .map(WebElement::getText).toList();
        assertThat(shown).containsExactly(names[0], names[1], names[2], "a\\u202eb\\nc");
        assertThat(d.findElement(By.cssSelector("#error-table tbody td")).getText()).isEqualTo(names[0]);
        assertThat(d.findElement(By.cssSelector("#image-table tbody td")).getText()).isEqualTo(names[1]);
        assertThat(d.findElements(By.cssSelector("path.curve"))).hasSize(html.curveCount());
        assertThat(chromium.consoleErrors()).isEmpty();
    }
}
