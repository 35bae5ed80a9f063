import dev.deteval.eval.check.CheckMessages
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
String truckReason = CheckMessages.REASON_NO_GROUND_TRUTH
String busReason = String.format(CheckMessages.REASON_NO_CATEGORY_MATCHES, 'bus*')

// execution "ignored": onMissing=ignore reports both and passes
assert log.contains('[INFO] ' + String.format(CheckMessages.MISSING_IGNORED, 'category truck', 'AP', truckReason))
assert log.contains('[INFO] ' + String.format(CheckMessages.MISSING_IGNORED, 'category bus*', 'AP', busReason))
assert log.contains(CheckMessages.RULES_MET)
def ignored = new JsonSlurper().parse(new File(basedir, 'target/ignored/report.json'))
assert ignored.gate.passed == true
assert ignored.gate.outcomes*.status == ['passed', 'ignored', 'ignored']
assert new File(basedir, 'target/ignored/TEST-deteval.xml').text.contains('skipped="2"')

// execution "default": the same rule fails on both
assert log.contains('[WARNING] Rule violated for category truck: AP cannot be computed: the category has no ground truth')
assert log.contains("[WARNING] Rule violated for category bus*: AP cannot be computed: no category matches the include pattern 'bus*'")
assert log.contains(CheckMessages.RULES_VIOLATED)
assert log.contains('MAVEN/MojoFailureException')
def failed = new JsonSlurper().parse(new File(basedir, 'target/deteval/report.json'))
assert failed.gate.outcomes*.status == ['passed', 'missing', 'missing']
assert failed.gate.outcomes[1].actual == -1
assert failed.gate.outcomes[2].actual == null
return true
