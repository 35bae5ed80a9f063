import dev.deteval.eval.check.CheckMessages
import dev.deteval.maven.AbstractDetevalMojo

String log = new File(basedir, 'build.log').text
assert log.contains('[INFO] ' + AbstractDetevalMojo.SKIP_MESSAGE)
assert !log.contains(CheckMessages.RULES_MET)
assert !log.contains(CheckMessages.RULES_VIOLATED)
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/deteval').exists()
return true
