import dev.deteval.eval.check.CheckMessages

String log = new File(basedir, 'build.log').text
// the forged verdict never stands on a line of its own, and no escape character reaches the log
assert !log.readLines().any { it.trim() == '[INFO] ' + CheckMessages.RULES_MET || it.trim() == CheckMessages.RULES_MET }
assert !log.contains('\u001b[32m')
assert log.contains('Rule violated for category x\\n[INFO] All detection metric rules have been met.\\u001b[3\u2026: AP is')
assert log.contains('MAVEN/MojoFailureException')
String xml = new File(basedir, 'target/deteval/TEST-deteval.xml').text
assert !xml.contains('\u001b')
javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
        new File(basedir, 'target/deteval/TEST-deteval.xml'))
String md = new File(basedir, 'target/deteval/report.md').text
assert md.readLines().every { !it.startsWith('[INFO]') }
// the HTML page shows the name as visible text, cut at 60 characters as in the log (no escape character, the
// newline as \n), and its verdict is the failed gate's, never the forged one
String html = new File(basedir, 'target/deteval/report.html').getText('UTF-8')
assert !html.contains('\u001b')
assert html.contains('x\\n[INFO] All detection metric rules have been met.\\u001b[3\u2026')
assert html.contains('<p class="fail"><strong>' + CheckMessages.RULES_VIOLATED + '</strong></p>')
return true
