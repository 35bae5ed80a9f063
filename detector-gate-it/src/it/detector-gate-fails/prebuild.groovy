import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

// copies samples/detector-gate (without target/) next to this aggregator pom; the build then runs it as a user would
Path from = new File(samplesDirectory, 'detector-gate').toPath()
Path to = new File(basedir, 'detector-gate').toPath()
Files.walk(from).filter { !from.relativize(it).toString().startsWith('target') }.each {
    Path dest = to.resolve(from.relativize(it).toString())
    if (Files.isDirectory(it)) {
        Files.createDirectories(dest)
    } else {
        Files.copy(it, dest, StandardCopyOption.REPLACE_EXISTING)
    }
}
return true
