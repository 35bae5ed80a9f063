import dev.deteval.eval.check.CheckMessages
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] Rule violated for dataset: AP is 0.423, but expected minimum is 0.450')
assert log.contains('[WARNING] ' + CheckMessages.RULES_VIOLATED)
assert !log.contains(CheckMessages.RULES_MET)
assert log.contains('BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/deteval/report.json'))
assert report.gate.passed == false
assert new File(basedir, 'target/deteval/TEST-deteval.xml').text.contains('failures="1"')
return true
