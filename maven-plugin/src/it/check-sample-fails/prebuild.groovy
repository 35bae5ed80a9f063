import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

// copies samples/maven-gate next to this aggregator pom, then makes the one-line change its README describes
Path from = new File(samplesDirectory, 'maven-gate').toPath()
Path to = new File(basedir, 'maven-gate').toPath()
Files.walk(from).filter { !from.relativize(it).toString().startsWith('target') }.each {
    Path dest = to.resolve(from.relativize(it).toString())
    if (Files.isDirectory(it)) {
        Files.createDirectories(dest)
    } else {
        Files.copy(it, dest, StandardCopyOption.REPLACE_EXISTING)
    }
}
String before = '<limit><metric>AP</metric><minimum>0.40</minimum></limit>'
String after = '<limit><metric>AP</metric><minimum>0.45</minimum></limit>'
String readme = new File(from.toFile(), 'README.md').text
assert readme.contains(before) && readme.contains(after)
File pom = new File(to.toFile(), 'pom.xml')
String text = pom.text
assert text.count(before) == 1
pom.text = text.replace(before, after)
return true
