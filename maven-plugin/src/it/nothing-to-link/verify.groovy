import java.security.MessageDigest
import java.util.concurrent.TimeUnit
import java.util.jar.JarFile

def sha256(File file) { MessageDigest.getInstance('SHA-256').digest(file.bytes).encodeHex().toString() }

def log = new File(basedir, 'build.log').text.readLines()
def jar = new File(basedir, 'target/hello.jar')
def plain = new File(basedir, 'target/hello-plain.jar')
assert jar.isFile() : 'target/hello.jar was not built'

def warning = '/target/hello.jar: no function found, in the inputs or on the class path they are linked with: nothing to link; copied unchanged'
assert log.any { it.startsWith('[WARNING] ') && it.endsWith(warning) } : "build.log has no warning ending: ${warning}"
def info = '[INFO] patchsite: nothing to link in target/hello.jar, kept as it is: no function found in it or its dependencies (a module that calls functions needs the library that declares them as a dependency)'
assert log.contains(info) : "build.log has no line: ${info}"
assert !log.any { it.contains('--classpath') } : 'the command line\'s wording leaked into the Maven log'
assert log.contains('[INFO] BUILD SUCCESS') : 'the build did not succeed'

// Left as it is: the same bytes as a jar of the same classes that patchsite never saw.
assert sha256(jar) == sha256(plain) : 'target/hello.jar is not the jar maven-jar-plugin built'
new JarFile(jar).withCloseable { zip ->
    assert zip.manifest.mainAttributes.getValue('Launcher-Agent-Class') == null : 'an agent was added to a jar with nothing to link'
    assert zip.getEntry('META-INF/patchsite/table') == null : 'a table was added to a jar with nothing to link'
}

// And it starts.
def java = new File(System.getProperty('java.home'), 'bin/java').path
def process = [java, '-jar', 'target/hello.jar'].execute(null, basedir)
def out = new StringBuilder(), err = new StringBuilder()
// The readers copy the output on threads of their own: wait for them too, or the output may be cut short.
def readers = [process.consumeProcessOutputStream(out), process.consumeProcessErrorStream(err)]
assert process.waitFor(60, TimeUnit.SECONDS) : 'java -jar target/hello.jar did not finish'
readers*.join()
assert process.exitValue() == 0 : "java -jar target/hello.jar exited with ${process.exitValue()}: ${err}"
assert out.toString().readLines() == ['Hello'] : "java -jar target/hello.jar printed: ${out}${err}"
true
