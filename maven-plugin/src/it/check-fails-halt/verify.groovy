import dev.deteval.eval.check.CheckMessages
import groovy.json.JsonSlurper
import javax.xml.parsers.DocumentBuilderFactory

String log = new File(basedir, 'build.log').text
// 0.42316771… printed with the limit's three decimals, rounded down: the failing value never reads as passing
assert log.contains('[WARNING] ' + String.format(CheckMessages.LIMIT_VIOLATED, 'dataset', 'AP', '0.423', 'minimum', '0.450'))
assert log.contains('Rule violated for dataset: AP is 0.423, but expected minimum is 0.450')
assert !log.contains('Rule violated for dataset: AP50')
assert log.contains(CheckMessages.RULES_VIOLATED)
// a violated rule is a BUILD FAILURE through MojoFailureException, not an execution error
assert log.contains('MAVEN/MojoFailureException')
// the failure's own message names the violation, so mvn -q (which hides the WARNING lines) still shows it
int failedAt = log.indexOf('Failed to execute goal')
assert failedAt >= 0
assert log.indexOf('Rule violated for dataset: AP is 0.423, but expected minimum is 0.450', failedAt) > failedAt
assert !log.contains('See log for details')
assert !log.contains('MAVEN/MojoExecutionException')
assert !log.contains(CheckMessages.RULES_MET)

File dir = new File(basedir, 'target/deteval')
def report = new JsonSlurper().parse(new File(dir, 'report.json'))
assert report.gate.passed == false
assert report.gate.violatedCount == 1
assert report.gate.outcomes[0].status == 'violated'
assert report.gate.outcomes[0].shown == '0.423'
assert report.gate.outcomes[1].status == 'passed'

def suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(dir, 'TEST-deteval.xml')).documentElement
assert suite.getAttribute('tests') == '2'
assert suite.getAttribute('failures') == '1'
def failure = suite.getElementsByTagName('failure').item(0)
assert failure.getAttribute('message') == 'Rule violated for dataset: AP is 0.423, but expected minimum is 0.450'
assert failure.parentNode.getAttribute('name') == 'AP>=0.450'
assert new File(dir, 'report.md').text.contains('| **violated** | dataset | AP ≥ 0.450 | 0.423 |')
return true
