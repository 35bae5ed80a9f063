import dev.deteval.eval.check.CheckMessages

String log = new File(basedir, 'build.log').text
File gt = new File(basedir, 'src/test/resources/val/instances.json')
// the missing comma after the bbox on line 4
assert log =~ java.util.regex.Pattern.quote('Cannot read deteval input: ' + gt.path + ': line 4, column ') + '\\d+: malformed JSON'
assert log.contains('MAVEN/MojoExecutionException')
assert !log.contains(CheckMessages.RULES_MET)
assert !log.contains(CheckMessages.RULES_VIOLATED)
// nothing was evaluated, so no report can be mistaken for a result
assert !new File(basedir, 'target/deteval').exists()
return true
