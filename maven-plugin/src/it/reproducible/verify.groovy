import java.security.MessageDigest
import java.util.zip.ZipFile

def sha256(File file) { MessageDigest.getInstance('SHA-256').digest(file.bytes).encodeHex().toString() }

def log = new File(basedir, 'build.log').text.readLines()
def one = new File(basedir, 'target/one/greeting-repro-1.0.jar')
def two = new File(basedir, 'target/two/greeting-repro-1.0.jar')
for (name in ['one', 'two']) {
    def line = "[INFO] patchsite: linked target/${name}/greeting-repro-1.0.jar in boot mode: 1 function, 1 site: 1 patch".toString()
    assert log.contains(line) : "build ${name} did not link its jar; build.log has no line: ${line}"
}
assert sha256(one) == sha256(two) : "two builds from scratch gave different linked jars: ${sha256(one)} and ${sha256(two)}"

// Every entry, those the linker added included, has the time project.build.outputTimestamp gave the manifest.
new ZipFile(one).withCloseable { zip ->
    def time = zip.getEntry('META-INF/MANIFEST.MF').time
    assert zip.getEntry('META-INF/patchsite/table') != null : 'the jar is not linked'
    def others = zip.entries().toList().findAll { it.time != time }*.name
    assert others.isEmpty() : "entries with another time than the manifest's: ${others}"
}
true
