package dev.deteval.maven;

import dev.deteval.eval.check.CheckMessages;
import dev.deteval.eval.check.CheckResult;
import dev.deteval.eval.check.Outcome;
import dev.deteval.eval.check.Rule;
import dev.deteval.eval.data.Names;
import dev.deteval.eval.gate.Gate;
import dev.deteval.eval.gate.GateOutcome;
import dev.deteval.eval.io.InputException;
import dev.deteval.eval.io.OutputException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Evaluates detections against ground truth (COCO, as pycocotools does) and fails the build when a metric
 * breaks one of the configured rules. Writes report.json, report.md and TEST-deteval.xml (JUnit XML) to
 * {@code outputDirectory}.
 *
 * <p>A violated rule is a build failure ({@code MojoFailureException}) unless {@code haltOnFailure} is
 * false. A missing or unreadable ground truth, detections, parameters or baseline file, and an invalid
 * rule, are build errors ({@code MojoExecutionException}): the gate never passes on input it could not
 * read.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractDetevalMojo {

    /** Starts the build error for input that cannot be read. */
    public static final String INPUT_ERROR = "Cannot read deteval input: ";
    /** Starts the build error for an invalid configuration (rules, limits, parameters). */
    public static final String CONFIGURATION_ERROR = "Invalid deteval configuration: ";
    /** The build error when the heap is too small; {@code %d} is the heap limit in MiB. */
    public static final String OUT_OF_MEMORY = "deteval ran out of memory with a maximum heap of %d MiB; give Maven"
            + " more, e.g. MAVEN_OPTS=-Xmx4g (docs/cli.md: memory per million detections)";
    /** Starts the build error for a bug in deteval. */
    public static final String INTERNAL_ERROR = "deteval failed with an internal error (please report it): ";

    /** Logged before the first report path. */
    public static final String REPORTS_WRITTEN = "deteval reports: ";

    /**
     * The ground truth: a COCO instances JSON file, a YOLO dataset YAML file ({@code *.yaml}, {@code *.yml}) or, for
     * VOC, a devkit folder or voc-simple JSON file. Required; a missing file is a build error.
     */
    @Parameter(property = "deteval.groundTruth", required = true)
    private File groundTruth;

    /**
     * The detections to evaluate: a COCO results JSON file (a list of {@code image_id, category_id, bbox,
     * score}). Required; a missing file is a build error.
     */
    @Parameter(property = "deteval.detections", required = true)
    private File detections;

    /** The evaluation protocol: {@code coco}, {@code lvis} (federated LVIS box evaluation), {@code voc07} or {@code voc12}. */
    @Parameter(property = "deteval.protocol", defaultValue = "coco")
    private String protocol;

    /**
     * COCO mode: {@code compat} reproduces pycocotools exactly, quirks included; {@code corrected} fixes its
     * documented bugs (the numbers differ, and the reports say so).
     */
    @Parameter(property = "deteval.mode", defaultValue = "compat")
    private String mode;

    /**
     * COCO: what to compare, {@code bbox}, {@code segm} (masks) or {@code keypoints} (OKS), in any case. When not set,
     * the {@code iouType} of {@code params}, else {@code bbox}; a params file naming another type is an
     * error.
     */
    @Parameter(property = "deteval.iouType")
    private String iouType;

    /**
     * Optional COCO parameters: a JSON object with pycocotools' Params names ({@code iouThrs},
     * {@code recThrs}, {@code maxDets}, {@code areaRng}, {@code areaRngLbl}, {@code useCats},
     * {@code imgIds}, {@code catIds}, {@code iouType}, {@code kpt_oks_sigmas}). Defaults to pycocotools'
     * defaults.
     */
    @Parameter(property = "deteval.params")
    private File params;

    /**
     * Optional report.json of an earlier run (this goal's or the CLI's JSON output) for {@code maximumDrop}
     * limits. Required when a limit has a {@code maximumDrop}; a missing or unreadable file is a build
     * error.
     */
    @Parameter(property = "deteval.baseline")
    private File baseline;

    /**
     * The rules to check, at least one. A rule has an element: DATASET (the default) checks the headline
     * metrics, CATEGORY checks every category whose name matches one of its includes and none of its
     * excludes (names, with * and ? wildcards; by default every category). A rule has one or more limits,
     * each a metric with a minimum, a maximum and/or a maximumDrop (against the baseline), written as 0.35
     * or 35%. onMissing (FAIL, the default, or IGNORE) says what a metric that cannot be computed does.
     * An include without wildcards must name a category that exists. Dataset metrics: AP, AP50, AP75, APs,
     * APm, APl, AR at each maxDets (AR1, AR10, AR100 by default; AR300 with maxDets 300), ARs, ARm, ARl, AR50,
     * AR75 (COCO bbox and segm), AP, AP50, AP75, APm, APl, AR, AR50, AR75, ARm, ARl (COCO keypoints) or mAP
     * (VOC); category metrics: AP, AP50, AP75, APs, APm, APl and AR at the largest maxDets (AR100 by default,
     * AR20 for keypoints) for COCO, AP for VOC. Example:
     * rules/rule/limits/limit/metric = AP, rules/rule/limits/limit/minimum = 0.35.
     */
    @Parameter
    private List<RuleConfiguration> rules;

    /** YOLO: the split of the dataset YAML file given as {@code groundTruth} ({@code val} when not set). */
    @Parameter(property = "deteval.split")
    private String split;

    /** VOC: the image set of a devkit folder ({@code ImageSets/Main/<set>.txt}); found when there is one. */
    @Parameter(property = "deteval.imageSet")
    private String imageSet;

    /** VOC: {@code pixel} (voc_eval.py's inclusive pixels, +1 in widths; the default) or {@code continuous}. */
    @Parameter(property = "deteval.vocBoxes")
    private String vocBoxes;

    /** VOC: {@code gt} (overlap must exceed the threshold, voc_eval.py; the default) or {@code ge}. */
    @Parameter(property = "deteval.vocMatch")
    private String vocMatch;

    /** VOC: the overlap threshold (default 0.5). */
    @Parameter(property = "deteval.vocOverlap")
    private Double vocOverlap;

    /**
     * COCO: also report precision, recall and F1 at this confidence and the best-F1 confidence (area all,
     * maxDets 100) in report.json ({@code operatingPoint}, {@code bestF1}); none by default.
     */
    @Parameter(property = "deteval.confidence")
    private Double confidence;

    /** COCO: the IoU threshold of {@code confidence} (default 0.5). */
    @Parameter(property = "deteval.opIou")
    private Double opIou;

    /**
     * COCO: also put the TIDE-style error breakdown (counts per type, dAP50) into report.json ({@code errors})
     * and report.md.
     */
    @Parameter(property = "deteval.errors", defaultValue = "false")
    private boolean errors;

    /** COCO: as {@code errors}, plus dAP over all IoU thresholds (costs more). */
    @Parameter(property = "deteval.errorsAllIou", defaultValue = "false")
    private boolean errorsAllIou;

    /** COCO: also put the curves (PR per category and IoU; P, R, F1 against confidence) into report.json. */
    @Parameter(property = "deteval.curves", defaultValue = "false")
    private boolean curves;

    /**
     * COCO: also write each image's TP/FP/FN at {@code opIou} and {@code confidence} (0 without) to
     * per-image.jsonl in the output directory, worst image first.
     */
    @Parameter(property = "deteval.perImage", defaultValue = "false")
    private boolean perImage;

    /**
     * COCO: the baseline's detections (a results JSON on the same ground truth). They are evaluated, compared
     * with {@code detections} by a paired bootstrap (report.json member {@code comparison}, report.md section),
     * and their values are the baseline of {@code maximumDrop} limits. Needed by a limit with a
     * {@code significance}; not together with {@code baseline}.
     */
    @Parameter(property = "deteval.baselineDetections")
    private File baselineDetections;

    /**
     * COCO: the level of bootstrap confidence intervals (e.g. 0.95) for AP, AP50, AP75, AR at the largest
     * maxDets and each category's AP; they appear in every report and in the gate's messages. None by default.
     */
    @Parameter(property = "deteval.ci")
    private Double ci;

    /** The bootstrap resamples for {@code ci} and {@code baselineDetections} (default 1000). */
    @Parameter(property = "deteval.resamples")
    private Integer resamples;

    /** The seed of the bootstrap draws (default 1). */
    @Parameter(property = "deteval.seed")
    private Long seed;

    /**
     * COCO: custom metrics to compute, by name: {@code APtime} (AP with recent images weighing more; the
     * results need a {@code "time"}; {@code APtime:tau=30} sets the decay time, default 10), {@code APsizeW}
     * (AP weighted 4:2:1 over small, medium and large objects) or one installed on the plugin's class path
     * (docs/custom-metrics.md). They appear in every report and get intervals with {@code ci}; a limit on a
     * custom metric computes it without this list.
     */
    @Parameter
    private List<String> metrics;

    /** Whether a violated rule fails the build; when false it is only logged. */
    @Parameter(property = "deteval.haltOnFailure", defaultValue = "true")
    private boolean haltOnFailure;

    /** Where report.json, report.md and TEST-deteval.xml are written. */
    @Parameter(property = "deteval.outputDirectory", defaultValue = "${project.build.directory}/deteval")
    private File outputDirectory;

    @Override
    protected void executeMojo() throws MojoExecutionException, MojoFailureException {
        GateOutcome run = run();
        run.report().warnings().forEach(w -> getLog().warn("deteval: " + Names.visible(w)));
        getLog().info(REPORTS_WRITTEN + outputDirectory + " (" + run.files().stream()
                .map(f -> f.getFileName().toString()).collect(Collectors.joining(", ")) + ")");
        report(run);
    }

    /**
     * Reads, evaluates, checks and writes the reports. Anything that goes wrong here is a build error, never
     * a build failure: a failure says the detector broke a rule, which only {@link #report} may say.
     */
    private GateOutcome run() throws MojoExecutionException {
        try {
            List<Rule> checked = RuleConfiguration.toRules(rules);
            getLog().info("Evaluating " + detections + " against " + groundTruth + " (" + protocol
                    + (iouType == null ? "" : " " + iouType) + ", " + mode + " mode)");
            return Gate.run(new RequestBinding(path(groundTruth), path(detections), protocol, mode, iouType,
                    path(params), path(baseline), imageSet, vocBoxes, vocMatch, vocOverlap, outputDirectory.toPath(),
                    confidence, opIou, split, errors, errorsAllIou, curves, perImage)
                    .toRequest(checked, new RequestBinding.Statistics(path(baselineDetections), ci, resamples, seed,
                            metrics)));
        } catch (InputException e) {
            // the message names file, place and problem; Maven would repeat the parser's own message after it
            getLog().debug(e);
            throw new MojoExecutionException(INPUT_ERROR + e.getMessage());
        } catch (OutputException e) {
            throw new MojoExecutionException("Cannot write deteval reports: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(CONFIGURATION_ERROR + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new MojoExecutionException(String.format(OUT_OF_MEMORY, Runtime.getRuntime().maxMemory() >> 20), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException(INTERNAL_ERROR + e, e);
        }
    }

    /** Logs the outcomes; a violated rule fails the build with a message that lists the violations. */
    private void report(GateOutcome run) throws MojoFailureException {
        CheckResult check = run.check();
        for (Outcome o : check.outcomes()) {
            if (o.failed()) {
                getLog().warn(o.message());
            } else if (o.status() == Outcome.Status.IGNORED) {
                getLog().info(o.message());
            }
        }
        if (check.passed()) {
            getLog().info(CheckMessages.RULES_MET);
            run.report().headline().forEach(getLog()::info);
        } else if (haltOnFailure) {
            // the message itself names the violations: mvn -q shows it and nothing else
            throw new MojoFailureException(check.failureMessage());
        } else {
            getLog().warn(CheckMessages.RULES_VIOLATED);
        }
    }

    private static Path path(File file) {
        return file == null ? null : file.toPath();
    }
}
