import dev.deteval.eval.check.CheckMessages

String log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] ' + String.format(CheckMessages.MISSING_VIOLATED, 'dataset', 'AP',
        'the maxDets list [1, 10] has no entry 100'))
assert !log.contains('Rule violated for dataset: AR10')
assert log.contains(CheckMessages.RULES_VIOLATED)
assert log.contains('MAVEN/MojoFailureException')
return true
