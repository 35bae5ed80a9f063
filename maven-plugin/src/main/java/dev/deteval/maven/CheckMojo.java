package dev.deteval.maven;

import dev.deteval.eval.check.CheckMessages;
import dev.deteval.eval.check.Outcome;
import dev.deteval.eval.check.Rule;
import dev.deteval.eval.data.Names;
import dev.deteval.eval.io.InputException;
import dev.deteval.eval.io.OutputException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
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

    /** The ground truth: a COCO instances JSON file. Required; a missing file is a build error. */
    @Parameter(property = "deteval.groundTruth", required = true)
    private File groundTruth;

    /**
     * The detections to evaluate: a COCO results JSON file (a list of {@code image_id, category_id, bbox,
     * score}). Required; a missing file is a build error.
     */
    @Parameter(property = "deteval.detections", required = true)
    private File detections;

    /** The evaluation protocol: {@code coco}, {@code voc07} or {@code voc12}. */
    @Parameter(property = "deteval.protocol", defaultValue = "coco")
    private String protocol;

    /**
     * COCO mode: {@code compat} reproduces pycocotools exactly, quirks included; {@code corrected} fixes its
     * documented bugs (the numbers differ, and the reports say so).
     */
    @Parameter(property = "deteval.mode", defaultValue = "compat")
    private String mode;

    /**
     * COCO: what to compare, {@code bbox}, {@code segm} (masks) or {@code keypoints} (OKS). When not set,
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
     * Dataset metrics: AP, AP50, AP75, APs, APm, APl, AR1, AR10, AR100, ARs, ARm, ARl, AR50, AR75 (COCO
     * bbox and segm), AP, AP50, AP75, APm, APl, AR, AR50, AR75, ARm, ARl (COCO keypoints) or mAP (VOC); category metrics: AP, AP50, AP75, APs, APm, APl, AR100 (COCO) or AP (VOC). Example:
     * rules/rule/limits/limit/metric = AP, rules/rule/limits/limit/minimum = 0.35.
     */
    @Parameter
    private List<RuleConfiguration> rules;

    /** Whether a violated rule fails the build; when false it is only logged. */
    @Parameter(property = "deteval.haltOnFailure", defaultValue = "true")
    private boolean haltOnFailure;

    /** Where report.json, report.md and TEST-deteval.xml are written. */
    @Parameter(property = "deteval.outputDirectory", defaultValue = "${project.build.directory}/deteval")
    private File outputDirectory;

    @Override
    protected void executeMojo() throws MojoExecutionException, MojoFailureException {
        GateRun.Result run = evaluate();
        run.evaluation().warnings().forEach(w -> getLog().warn("deteval: " + Names.visible(w)));
        writeReports(run);
        report(run);
    }

    /**
     * Reads, evaluates and checks. Anything that goes wrong here is a build error, never a build failure:
     * a failure says the detector broke a rule, which only {@link #report} may say.
     */
    private GateRun.Result evaluate() throws MojoExecutionException {
        try {
            List<Rule> checked = RuleConfiguration.toRules(rules);
            getLog().info("Evaluating " + detections + " against " + groundTruth + " (" + protocol
                    + (iouType == null ? "" : " " + iouType) + ", " + mode + " mode)");
            return GateRun.run(new GateRun.Settings(path(groundTruth), path(detections), protocol, mode,
                    path(params), path(baseline), iouType), checked);
        } catch (InputException e) {
            // the message names file, place and problem; Maven would repeat the parser's own message after it
            getLog().debug(e);
            throw new MojoExecutionException(INPUT_ERROR + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(CONFIGURATION_ERROR + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new MojoExecutionException(String.format(OUT_OF_MEMORY, Runtime.getRuntime().maxMemory() >> 20), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException(INTERNAL_ERROR + e, e);
        }
    }

    private void writeReports(GateRun.Result run) throws MojoExecutionException {
        try {
            Reports.write(outputDirectory.toPath(), run);
            getLog().info(REPORTS_WRITTEN + outputDirectory + " (" + Reports.JSON + ", " + Reports.MARKDOWN + ", "
                    + Reports.JUNIT + ")");
        } catch (OutputException e) {
            throw new MojoExecutionException("Cannot write deteval reports: " + e.getMessage(), e);
        }
    }

    private void report(GateRun.Result run) throws MojoFailureException {
        for (Outcome o : run.check().outcomes()) {
            if (o.failed()) {
                getLog().warn(o.message());
            } else if (o.status() == Outcome.Status.IGNORED) {
                getLog().info(o.message());
            }
        }
        if (run.check().passed()) {
            getLog().info(CheckMessages.RULES_MET);
            run.evaluation().headline().forEach(getLog()::info);
        } else if (haltOnFailure) {
            throw new MojoFailureException(CheckMessages.RULES_VIOLATED);
        } else {
            getLog().warn(CheckMessages.RULES_VIOLATED);
        }
    }

    private static Path path(File file) {
        return file == null ? null : file.toPath();
    }
}
