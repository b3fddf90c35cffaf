import java.util.jar.JarFile
import java.util.zip.ZipEntry

def runs = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSources, 'ProgramRuns.groovy'))
        .newInstance(basedir, jdk25Home)
def log = new File(basedir, 'build.log').text
def app = new File(basedir, 'app/target/app.jar')
assert app.isFile() : 'app/target/app.jar was not built'

// repackage runs first, then link (declared after spring-boot-maven-plugin), then check against the baseline.
def repackaged = log.indexOf('--- spring-boot-maven-plugin:'), linked = log.indexOf('--- patchsite-maven-plugin:')
assert repackaged >= 0 && linked > repackaged : 'patchsite did not link after spring-boot-maven-plugin repackaged the jar'
for (line in ['[INFO] patchsite: linked target/app.jar in boot mode: 2 functions, 2 sites: 2 patch',
              '[INFO] patchsite: the patch sites match the baseline app/src/patchsite/baseline.table']) {
    assert log.contains(line) : "no line in build.log: ${line}"
}

// The fat jar: the site in BOOT-INF/classes and the one in the nested library are both patched; the rewritten
// library is stored, as the launcher needs it; the runtime and Launcher-Agent-Class are at the top level.
def greet = 'site com.example.boot.lib.Greeting.greet(Ljava/lang/String;)Ljava/lang/String; com.example.boot.app.BootApplication.lambda$runner$0([Ljava/lang/String;)V #0 invoke in=BOOT-INF/classes/ '
def checksum = 'site com.example.boot.lib.Checksum.of(Ljava/lang/String;)Ljava/lang/String; com.example.boot.lib.Report.line(Ljava/lang/String;)Ljava/lang/String; #0 invoke in=BOOT-INF/lib/boot-lib-1.0.jar '
def table = runs.tableOf(app)
assert table?.contains('linked boot') : "the fat jar is not linked in boot mode: ${table}"
assert table.any { it.startsWith(greet) && it.endsWith(' bind=patch') } : "the site in BOOT-INF/classes is not patched: ${table}"
assert table.any { it.startsWith(checksum) && it.endsWith(' bind=patch') } : "the site in the nested library is not patched: ${table}"
def nested = []
new JarFile(app).withCloseable { zip ->
    def manifest = zip.manifest.mainAttributes
    assert manifest.getValue('Launcher-Agent-Class') == 'dev.patchsite.runtime.Agent' : 'the fat jar does not start the agent'
    assert manifest.getValue('Main-Class') == 'org.springframework.boot.loader.launch.JarLauncher' : "Main-Class: ${manifest.getValue('Main-Class')}"
    assert zip.getEntry('dev/patchsite/runtime/Agent.class') != null : 'the runtime is not at the top level'
    zip.entries().each { ZipEntry entry ->
        if (entry.name.startsWith('BOOT-INF/lib/') && entry.name.endsWith('.jar')) {
            assert entry.method == ZipEntry.STORED : "${entry.name} is not stored"
            nested << entry.name
        }
    }
}
assert nested.contains('BOOT-INF/lib/boot-lib-1.0.jar') : "no nested library: ${nested}"

// Linked, with java -jar: the defaults (no variant has a probe), and the variants when selected, on JDK 17 and 25.
def loud = ['-Dpatchsite.select.com.example.boot.lib.Greeting=loud', '-Dpatchsite.select.com.example.boot.lib.Checksum=fast']
runs.expect('linked, java -jar, default', ['-jar', 'app/target/app.jar'], ['hello boot', 'payload [sum=7]'])
runs.expect('linked, java -jar, variants forced', loud + ['-jar', 'app/target/app.jar'], ['HELLO BOOT', 'payload [fast-sum=7]'])

// selectByProbes (the execution "probed"): linked static beside the jar, with the selection given and, for the other
// group, the probes' (no variant has one: default); it runs them with no runtime.
for (line in ['[INFO] patchsite: linked target/app-probed.jar in static mode',
              '[INFO] patchsite: selected com.example.boot.lib.Checksum -> default (no variant has a probe)',
              '[INFO] patchsite: selected com.example.boot.lib.Greeting -> loud (given: <selections><com.example.boot.lib.Greeting>loud</com.example.boot.lib.Greeting></selections>)']) {
    assert log.contains(line) : "no line in build.log: ${line}"
}
runs.expect('linked static, selected by probes, java -jar', ['-jar', 'app/target/app-probed.jar'], ['HELLO BOOT', 'payload [sum=7]'])

// Unlinked, the same program (the plain jar, the library as built, and every other nested jar, which linking copied
// raw) runs the defaults whatever is selected.
def unlinkedLib = new File(basedir, 'app/target/unlinked-lib')
unlinkedLib.mkdirs()
def classpath = [new File(basedir, 'app/target/app.jar.original'), new File(basedir, 'lib/target/boot-lib-1.0.jar')]
new JarFile(app).withCloseable { zip ->
    nested.findAll { it != 'BOOT-INF/lib/boot-lib-1.0.jar' }.each { name ->
        def file = new File(unlinkedLib, name.substring(name.lastIndexOf('/') + 1))
        file.bytes = zip.getInputStream(zip.getEntry(name)).bytes
        classpath << file
    }
}
def unlinked = runs.run(loud + ['-cp', runs.path(classpath), 'com.example.boot.app.BootApplication'])
assert unlinked.exit == 0 && unlinked.out == ['hello boot', 'payload [sum=7]'] : "unlinked, with the variants selected: ${unlinked}"

// Spring Boot's layer tools extract every entry of the linked jar: the runtime is in a layer of layers.idx.
def layers = runs.run(['-Djarmode=tools', '-jar', 'app/target/app.jar', 'extract', '--layers', '--launcher', '--destination', 'app/target/layers'])
assert layers.exit == 0 : "layer extraction failed: ${layers}"
assert new File(basedir, 'app/target/layers/spring-boot-loader/dev/patchsite/runtime/Agent.class').isFile() : 'the runtime is not in the launcher layer'

// The linker's own check of the fat jar, nested classes included.
def verified = runs.run(['-jar', patchsiteJar, 'verify', 'app/target/app.jar'])
assert verified.exit == 0 : "patchsite verify app/target/app.jar failed: ${verified}"
assert verified.out == ['verified app/target/app.jar (boot mode): 2 functions, 2 sites: 2 patch'] : "patchsite verify: ${verified.out}"
runs.assertAllPassed()
true
