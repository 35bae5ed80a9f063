import dev.deteval.eval.check.CheckMessages

String log = new File(basedir, 'build.log').text
String readme = new File(samplesDirectory, 'maven-gate/README.md').text
String violation = String.format(CheckMessages.LIMIT_VIOLATED, 'dataset', 'AP', '0.423', 'minimum', '0.45')
assert log.contains('[WARNING] ' + violation)
assert readme.contains('[WARNING] ' + violation)
assert log.contains(CheckMessages.RULES_VIOLATED)
assert log.contains('on project detector-gate-sample: ' + CheckMessages.RULES_VIOLATED)
assert readme.contains('on project detector-gate-sample: ' + CheckMessages.RULES_VIOLATED)
assert readme.contains('[ERROR] ' + violation)
assert log.contains('MAVEN/MojoFailureException')
return true
