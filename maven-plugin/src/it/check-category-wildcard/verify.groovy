import dev.deteval.eval.check.CheckMessages
import javax.xml.parsers.DocumentBuilderFactory

String log = new File(basedir, 'build.log').text
// car* matches car (AP 0.41982…, printed 0.419) and carrot (0.43959…); person and truck are not checked
assert log.contains(String.format(CheckMessages.LIMIT_VIOLATED, 'category car', 'AP', '0.419', 'minimum', '0.420'))
assert !log.contains('Rule violated for category carrot')
assert !log.contains('Rule violated for category person')
assert log.contains(CheckMessages.RULES_VIOLATED)
assert log.contains('MAVEN/MojoFailureException')

def suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(basedir, 'target/deteval/TEST-deteval.xml')).documentElement
def cases = suite.getElementsByTagName('testcase')
// rule 1: car, carrot (report order: carrot has id 44, car id 79); rule 2: * minus car* and tr?ck leaves person
assert (0..<cases.length).collect { cases.item(it).getAttribute('classname') + ' ' + cases.item(it).getAttribute('name') } == [
        'deteval.category.carrot AP>=0.420', 'deteval.category.car AP>=0.420', 'deteval.category.person AP50>=0.65']
assert suite.getAttribute('failures') == '1'
return true
