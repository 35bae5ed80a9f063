import dev.deteval.eval.check.CheckMessages

String log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] ' + String.format(CheckMessages.MISSING_VIOLATED, 'dataset', 'AP',
        'the maxDets list [1, 10] has no entry 100'))
assert !log.contains('Rule violated for dataset: AR10')
// the -1 comes with a warning that says why and what to do
assert log.contains('[WARNING] deteval: AP is -1: in compat mode pycocotools computes AP at maxDets 100, which the maxDets list [1, 10] lacks')
assert log.contains(CheckMessages.RULES_VIOLATED)
assert log.contains('MAVEN/MojoFailureException')

// the reports record the missing AP as a failure of its own kind, beside the AR10 limit that held
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/deteval/report.json'))
assert report.gate.passed == false
assert report.gate.outcomes*.status == ['missing', 'passed']
assert report.gate.outcomes[0].actual == -1
String junit = new File(basedir, 'target/deteval/TEST-deteval.xml').text
assert junit.contains('type="deteval.MetricMissing"')
return true
