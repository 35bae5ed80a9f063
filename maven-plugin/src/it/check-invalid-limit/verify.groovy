import dev.deteval.eval.check.CheckMessages

String log = new File(basedir, 'build.log').text
assert log.contains("Invalid deteval configuration: rule 1: AP minimum '35' is outside [0, 1]")
assert log.contains('did you mean 35%?')
assert log.contains('MAVEN/MojoExecutionException')
assert !log.contains(CheckMessages.RULES_VIOLATED)
return true
