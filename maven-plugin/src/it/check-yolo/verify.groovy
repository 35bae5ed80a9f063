import dev.deteval.eval.check.CheckMessages
import groovy.json.JsonSlurper

// data/yolo_tiny: the predictions are the labels themselves (each box at IoU 1, no false positive), so
// every AP is 1 by definition: precision 1 at every recall level, at every IoU threshold (within 1e-12: the
// mean of 101 ones summed in floating point, as numpy does)
String log = new File(basedir, 'build.log').text
assert log.contains(CheckMessages.RULES_MET)
assert log.contains('BUILD SUCCESS')
def report = new JsonSlurper().parse(new File(basedir, 'target/deteval/report.json'))
assert report.protocol == 'coco'
assert Math.abs(report.stats.AP - 1.0d) < 1e-12
assert report.perCategory.every { Math.abs(it.AP - 1.0d) < 1e-12 && Math.abs(it.AP50 - 1.0d) < 1e-12 }
assert report.perCategory.collect { it.name } == ['cat', 'dog']
assert report.gate.passed == true
assert report.gate.limitsChecked == 2
return true
