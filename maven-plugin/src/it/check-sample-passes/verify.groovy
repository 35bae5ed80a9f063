import dev.deteval.eval.check.CheckMessages
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
String readme = new File(samplesDirectory, 'maven-gate/README.md').text
assert log.contains(CheckMessages.RULES_MET)
assert log.contains('BUILD SUCCESS')
// the output the README shows
assert readme.contains('[INFO] ' + CheckMessages.RULES_MET)
assert log.contains(' Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.423')
assert readme.contains(' Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.423')

File dir = new File(basedir, 'maven-gate/target/deteval')
def report = new JsonSlurper().parse(new File(dir, 'report.json'))
assert report.gate.passed == true
// AP, AP50, person AP, and AP50 of each of the three categories
assert report.gate.limitsChecked == 6
assert new File(dir, 'TEST-deteval.xml').exists()
assert new File(dir, 'report.md').exists()
return true
