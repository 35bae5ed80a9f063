import dev.deteval.eval.check.CheckMessages

String log = new File(basedir, 'build.log').text
File missing = new File(basedir, 'target/detections.json')
// fails closed: an execution error (not a rule failure) that names the file
assert log.contains('Cannot read deteval input: ' + missing.path + ': file not found')
assert log.contains('MAVEN/MojoExecutionException')
assert !log.contains(CheckMessages.RULES_MET)
assert !log.contains(CheckMessages.RULES_VIOLATED)
assert !new File(basedir, 'target/deteval').exists()
return true
