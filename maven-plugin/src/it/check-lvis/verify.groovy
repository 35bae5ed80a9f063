import dev.deteval.eval.check.CheckMessages
import groovy.json.JsonSlurper

// oracle: ../shared/conformance-lvis/edge_not_exhaustive_fp_ignored/expected.json (lvis-api 7d7f07d)
String log = new File(basedir, 'build.log').text
assert log.contains(CheckMessages.RULES_MET)
assert log.contains('BUILD SUCCESS')
def report = new JsonSlurper().parse(new File(basedir, 'target/deteval/report.json'))
assert report.protocol == 'lvis'
assert Math.abs(report.stats.AP - 0.8279290429042904) < 1e-12
assert Math.abs(report.stats.APr - 0.9999999999999998) < 1e-12
assert Math.abs(report.stats.APf - 0.4767326732673267) < 1e-12
assert Math.abs(report.perCategory.find { it.name == 'urn_20' }.AP - 0.4767326732673267) < 1e-12
assert report.perCategory.find { it.name == 'urn_20' }.frequency == 'f'
assert report.gate.passed == true
assert report.gate.limitsChecked == 4
return true
