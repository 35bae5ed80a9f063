/**
 * deteval's evaluator: IoU, matching, NMS, COCO/VOC/LVIS-style evaluation, readers, reports and the gate.
 *
 * <p>Only the API packages are exported. {@code dev.deteval.eval.internal} (sorting, numpy-exact arithmetic,
 * the column bridge between the data classes and the evaluators), {@code dev.deteval.eval.cli} (the
 * command-line front-end, run from the shaded {@code deteval.jar}), {@code dev.deteval.eval.readahead} (the
 * CLI's inputs read before its request exists, taken by the gate) and {@code dev.deteval.eval.synth} (the
 * {@code synth} command's data generator) are not. Jackson is used inside and appears in no exported
 * signature, nor does SnakeYAML; picocli is needed only by the command line.
 */
module dev.deteval.eval {
    requires com.fasterxml.jackson.core;
    requires java.xml;
    // ImageIO: image sizes of YOLO datasets from the files' headers
    requires java.desktop;
    requires org.yaml.snakeyaml;
    // the HTML report's template engine; its views are maps and lists, so it needs no reflective access
    requires com.github.mustachejava;
    requires commons.math3;
    // the CLI keeps C2 out of short runs through the DiagnosticCommand MBean (cli.ShortRunCompiler)
    requires java.management;
    requires static info.picocli;
    // the CLI's progress bar on a terminal
    requires static me.tongfei.progressbar;

    exports dev.deteval.eval.check;
    exports dev.deteval.eval.coco;
    exports dev.deteval.eval.data;
    exports dev.deteval.eval.gate;
    exports dev.deteval.eval.geometry;
    exports dev.deteval.eval.io;
    exports dev.deteval.eval.mask;
    exports dev.deteval.eval.metric;
    exports dev.deteval.eval.nms;
    exports dev.deteval.eval.report;
    exports dev.deteval.eval.voc;

    // custom metrics (coco.CustomMetric) of other modules or jars, found by coco.CustomMetrics
    uses dev.deteval.eval.coco.CustomMetric;

    // picocli builds the commands by reflection when the CLI runs on the module path
    opens dev.deteval.eval.cli to info.picocli;
}
