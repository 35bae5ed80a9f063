import dev.deteval.eval.check.CheckMessages
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
def slurper = new JsonSlurper()

// the model against itself: difference 0 and p = 1 for every compared metric, 90% intervals in the report
def itself = slurper.parse(new File(basedir, 'target/itself/report.json'))
assert itself.gate.passed == true
assert itself.comparison.resamples == 300
itself.comparison.metrics.each { name, m ->
    assert m.difference == 0
    assert m.p == 1
}
assert itself.intervals.AP.level == 0.9
assert itself.intervals.AP.low <= itself.stats.AP && itself.stats.AP <= itself.intervals.AP.high
assert itself.perCategory.find { it.name == 'person' }.intervals.AP.resamples > 0
assert new File(basedir, 'target/itself/report.md').text.contains('## Comparison with the baseline')

// the weaker model (AP 0.29512 against 0.42317): a drop of 0.129, significant, so the build fails
def weaker = slurper.parse(new File(basedir, 'target/deteval/report.json'))
assert weaker.gate.passed == false
assert weaker.comparison.metrics.AP.p < 0.05
assert weaker.gate.outcomes[0].significance == 0.05
assert weaker.gate.outcomes[0].status == 'violated'
def violation = ~/Rule violated for dataset: AP is 0\.2951 against baseline 0\.4232, a drop of 0\.129 \(95% CI [0-9.]+–[0-9.]+, p = [0-9.]+\), but expected maximum drop is 0\.01 at significance 0\.05/
assert violation.matcher(log).find()
assert log.contains(CheckMessages.RULES_VIOLATED)
assert log.contains('MAVEN/MojoFailureException')
return true
