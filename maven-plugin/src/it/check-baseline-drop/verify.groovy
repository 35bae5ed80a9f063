import dev.deteval.eval.check.CheckMessages
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
def slurper = new JsonSlurper()

// the first execution's report.json served as the baseline of the next two
def baseline = slurper.parse(new File(basedir, 'target/baseline/report.json'))
assert baseline.gate.passed == true

// AP fell from 0.42317 to 0.29512: within a maximum drop of 0.15, beyond one of 0.100
def within = slurper.parse(new File(basedir, 'target/within/report.json'))
assert within.gate.passed == true
assert within.gate.outcomes[0].limit == 'maximumDrop'
assert within.gate.outcomes[0].baseline == baseline.stats.AP
// the drop 0.12805… is printed with three decimals, rounded up
assert within.gate.outcomes[0].shown == '0.129'
assert within.gate.outcomes[1].name == 'person'
assert log.contains(CheckMessages.RULES_MET)

assert log.contains(String.format(CheckMessages.DROP_VIOLATED, 'dataset', 'AP', '0.2951', '0.4232', '0.129', '0.100'))
assert log.contains(CheckMessages.RULES_VIOLATED)
assert log.contains('MAVEN/MojoFailureException')
def exceeded = slurper.parse(new File(basedir, 'target/deteval/report.json'))
assert exceeded.gate.passed == false
return true
