import dev.deteval.eval.check.CheckMessages
import java.util.regex.Pattern

String log = new File(basedir, 'build.log').text

/** The plugin's message as a pattern: each '#' stands for a decimal number. */
String warning(String message) {
    return '\\[WARNING\\] ' + message.split('#', -1).collect { Pattern.quote(it) }.join('[0-9]+\\.[0-9]+')
}

// the same build, except that it first trains a model for 30 steps and gates that one
assert log =~ /trained 30 steps in /
assert log =~ warning(String.format(CheckMessages.LIMIT_VIOLATED, 'dataset', 'AP50', '#', 'minimum', '0.95'))
assert log =~ warning(String.format(CheckMessages.LIMIT_VIOLATED, 'dataset', 'AP', '#', 'minimum', '0.70'))
assert log =~ warning(String.format(CheckMessages.DROP_VIOLATED, 'dataset', 'AP', '#', '#', '#', '0.02'))
assert log.contains('on project detector-gate-sample: ' + CheckMessages.RULES_VIOLATED)
assert log.contains('MAVEN/MojoFailureException')
return true
