import dev.deteval.eval.check.CheckMessages
import dev.deteval.maven.CheckMojo

String log = new File(basedir, 'build.log').text
assert log.contains(CheckMojo.CONFIGURATION_ERROR + 'the baseline is a segm evaluation but this evaluation is bbox')
assert log.contains('MAVEN/MojoExecutionException')
assert !log.contains('MAVEN/MojoFailureException')
assert !log.contains(CheckMessages.RULES_VIOLATED)
return true
