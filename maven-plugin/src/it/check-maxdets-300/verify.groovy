import dev.deteval.eval.check.CheckMessages
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
assert log.contains(CheckMessages.RULES_MET)
assert log.contains('BUILD SUCCESS')
// pycocotools' own summary line for the recall at 300, and a warning for the AP it cannot compute
assert log.contains(' Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=300 ]')
assert log.contains('[WARNING] deteval: AP is -1: in compat mode pycocotools computes AP at maxDets 100')

def report = new JsonSlurper().parse(new File(basedir, 'target/deteval/report.json'))
assert report.maxDets == [1, 10, 300]
assert report.stats.keySet().containsAll(['AR1', 'AR10', 'AR300'])
assert !report.stats.containsKey('AR100')
assert report.perCategory[0].containsKey('AR300')
assert report.gate.outcomes*.metric == ['AR300', 'AR10', 'AR300']
assert report.gate.outcomes*.status == ['passed'] * 3
assert new File(basedir, 'target/deteval/report.md').text.contains('AP is -1: in compat mode')
return true
