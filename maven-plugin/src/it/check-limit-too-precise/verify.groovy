import dev.deteval.eval.check.Limit
import dev.deteval.maven.CheckMojo

String log = new File(basedir, 'build.log').text
assert log.contains(CheckMojo.CONFIGURATION_ERROR + "rule 1: AP maximum '1e-999999999' has more than "
        + Limit.MAX_DECIMALS + ' decimals')
assert log.contains('MAVEN/MojoExecutionException')
assert !log.contains('ArithmeticException')
return true
