import dev.deteval.eval.check.CheckMessages
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
assert log.contains(CheckMessages.RULES_MET)
// pycocotools' _summarizeKps lines: ten stats, all at maxDets 20
assert log.contains(' Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets= 20 ] = 0.551')
assert log.contains(' Average Recall     (AR) @[ IoU=0.50:0.95 | area= large | maxDets= 20 ] = 0.500')
assert log.contains('BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/deteval/report.json'))
assert report.iouType == 'keypoints'
assert report.stats.keySet() as List == ['AP', 'AP50', 'AP75', 'APm', 'APl', 'AR', 'AR50', 'AR75', 'ARm', 'ARl']
// expected values: evaluator-core conformance case edge_kps_no_visible_sigmas (pycocotools)
assert Math.abs(report.stats.AP - 0.551023102310231) < 1e-12
assert Math.abs(report.stats.AR - 0.8) < 1e-12
// per category: the recall is named for the maxDets it uses (20), and keypoints have no small area
assert report.perCategory[0].keySet().containsAll(['AP', 'AP50', 'AP75', 'APm', 'APl', 'AR20'])
assert !report.perCategory[0].containsKey('APs')
assert !report.perCategory[0].containsKey('AR100')
assert report.gate.limitsChecked == 2
assert report.gate.outcomes*.status == ['passed'] * 2
return true
