import dev.deteval.eval.check.CheckMessages

String log = new File(basedir, 'build.log').text
assert log.contains("Invalid deteval configuration: no category is named 'Person'; the categories are: 'person', ")
assert log.contains('MAVEN/MojoExecutionException')
assert !log.contains('MAVEN/MojoFailureException')
assert !log.contains(CheckMessages.RULES_VIOLATED)
return true
