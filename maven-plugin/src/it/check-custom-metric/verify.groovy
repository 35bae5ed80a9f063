import dev.deteval.eval.check.CheckMessages
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
def slurper = new JsonSlurper()
double e1 = Math.exp(-1)

// image 1 (time 0) weighs exp(-10 / 10) = 1/e, image 2 (time 10) weighs 1: APtime = (1 + 1/e) / (2 + 1/e);
// both ground truths are small, so APsizeW is APs, the plain AP 2/3
def holds = slurper.parse(new File(basedir, 'target/holds/report.json'))
assert holds.gate.passed == true
assert Math.abs(holds.custom.APtime - (1 + e1) / (2 + e1)) < 1e-12
assert Math.abs(holds.custom.APsizeW - 2d / 3) < 1e-12
assert holds.intervals.APtime.level == 0.9
assert holds.intervals.APtime.low <= holds.custom.APtime && holds.custom.APtime <= holds.intervals.APtime.high
assert holds.intervals.APsizeW.resamples > 0
assert new File(basedir, 'target/holds/report.md').text.contains('## Custom metrics')

// a limit on APtime computes it without <metrics>; 0.57768 is below 0.9
def fails = slurper.parse(new File(basedir, 'target/deteval/report.json'))
assert fails.gate.passed == false
assert Math.abs(fails.custom.APtime - (1 + e1) / (2 + e1)) < 1e-12
assert log.contains('Rule violated for dataset: APtime is 0.577, but expected minimum is 0.9')
assert log.contains(CheckMessages.RULES_VIOLATED)
assert log.contains('MAVEN/MojoFailureException')
return true
