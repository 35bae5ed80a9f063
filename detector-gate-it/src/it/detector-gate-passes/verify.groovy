import dev.deteval.eval.check.CheckMessages
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
// the sample's build: held-out data written, detections made with the shipped model, then the gate
assert log.contains('wrote 300 images, ')
assert log =~ /300 images, \d+ detections in /
assert log.contains(CheckMessages.RULES_MET)
assert log.contains('BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'detector-gate/target/deteval/report.json'))
assert report.gate.passed == true
// AP50 minimum, AP minimum, AP maximum drop against the committed baseline
assert report.gate.limitsChecked == 3
return true
