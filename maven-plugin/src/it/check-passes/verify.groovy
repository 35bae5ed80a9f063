import dev.deteval.eval.check.CheckMessages
import groovy.json.JsonSlurper
import javax.xml.parsers.DocumentBuilderFactory

String log = new File(basedir, 'build.log').text
assert log.contains(CheckMessages.RULES_MET)
// the headline statistics follow the success line, as pycocotools prints them
assert log.contains(' Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.423')
assert log.contains(' Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.477')
assert !log.contains(CheckMessages.VIOLATION_PREFIX)
assert log.contains('BUILD SUCCESS')

File dir = new File(basedir, 'target/deteval')
def report = new JsonSlurper().parse(new File(dir, 'report.json'))
assert report.tool == 'deteval'
assert report.protocol == 'coco'
assert Math.abs(report.stats.AP - 0.42316771022084154) < 1e-12
assert report.gate.passed == true
// AP, AP50, AR100 minimum, AR100 maximum, person AP
assert report.gate.limitsChecked == 5
assert report.gate.outcomes*.status == ['passed'] * 5
assert report.gate.outcomes[1].bound == 0.65
assert report.gate.outcomes[4].name == 'person'

def suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(dir, 'TEST-deteval.xml')).documentElement
assert suite.getAttribute('tests') == '5'
assert suite.getAttribute('failures') == '0'

assert new File(dir, 'report.md').text.contains('## Metric gate: passed')

// the HTML report beside the others: one whole page with the verdict, one table row per category, curves
String html = new File(dir, 'report.html').getText('UTF-8')
int categories = report.perCategory.size()
assert html.startsWith('<!DOCTYPE html>')
assert html.trim().endsWith('</html>')
assert html.contains(CheckMessages.RULES_MET)
def table = html.substring(html.indexOf('id="category-table"'), html.indexOf('</table>', html.indexOf('id="category-table"')))
assert (table =~ /<tr>/).count == 1 + categories
assert (html =~ /<path class="curve/).count > categories
assert html.contains('id="confusion-matrix"')
assert !html.contains('http://') && !html.contains('https://')
return true
