import dev.deteval.eval.check.CheckMessages
import groovy.json.JsonSlurper

// oracle: evaluator-core/src/test/resources/conformance/voc_basic/expected.json, variant voc_eval
String log = new File(basedir, 'build.log').text
assert log.contains(CheckMessages.RULES_MET)
assert log.contains('BUILD SUCCESS')
def report = new JsonSlurper().parse(new File(basedir, 'target/deteval/report.json'))
assert report.protocol == 'voc07'
assert Math.abs(report.mAP - 0.8068181818181819) < 1e-12
assert Math.abs(report.perClass.find { it.name == 'cat' }.AP - 0.6136363636363635) < 1e-12
assert report.gate.passed == true
assert report.gate.limitsChecked == 2
// the HTML page of a VOC run: the mAP and one row per class
String html = new File(basedir, 'target/deteval/report.html').getText('UTF-8')
assert html.startsWith('<!DOCTYPE html>') && html.trim().endsWith('</html>')
assert html.contains('Pascal VOC evaluation (voc07')
assert (html =~ />cat<\/td>/).count == 1
return true
