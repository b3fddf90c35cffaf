import java.util.concurrent.TimeUnit
import java.util.jar.JarFile

def run(String... args) {
    def java = new File(System.getProperty('java.home'), 'bin/java').path
    def process = ([java] + args.toList()).execute(null, basedir)
    def out = new StringBuilder(), err = new StringBuilder()
    // The readers copy the output on threads of their own: wait for them too, or the output may be cut short.
    def readers = [process.consumeProcessOutputStream(out), process.consumeProcessErrorStream(err)]
    assert process.waitFor(60, TimeUnit.SECONDS) : "java ${args.join(' ')} did not finish"
    readers*.join()
    assert process.exitValue() == 0 : "java ${args.join(' ')} exited with ${process.exitValue()}: ${err}"
    out.toString().readLines()
}

def log = new File(basedir, 'build.log').text.readLines()
def shade = log.findIndexOf { it.startsWith('[INFO] --- maven-shade-plugin:') }
def link = log.findIndexOf { it.startsWith('[INFO] --- patchsite-maven-plugin:') && it.contains(':link ') }
assert shade >= 0 && link > shade : 'the link goal must run after shade'
assert log.contains('[INFO] patchsite: linked target/greeting-shaded-1.0.jar in boot mode: 1 function, 2 sites: 2 patch') : 'no link summary in build.log'

def jar = new File(basedir, 'target/greeting-shaded-1.0.jar')
new JarFile(jar).withCloseable { zip ->
    assert zip.getEntry('com/example/greeting/Greeting.class') != null : 'the library was not shaded into the jar'
    assert zip.manifest.mainAttributes.getValue('Launcher-Agent-Class') == 'dev.patchsite.runtime.Agent' : 'the executable jar does not start the agent'
    def table = zip.getInputStream(zip.getEntry('META-INF/patchsite/table')).getText('UTF-8').readLines()
    assert table.count { it.startsWith('site ') && it.endsWith(' bind=patch') } == 2 : "both sites, the program's and the library's, must be patched: ${table}"
}

def loud = run('-Dpatchsite.select.com.example.greeting.Greeting=loud', '-jar', 'target/greeting-shaded-1.0.jar')
assert loud == ['loud: HELLO SHADED', 'loud: HELLO LIBRARY'] : "with the loud variant selected: ${loud}"
def plain = run('-jar', 'target/greeting-shaded-1.0.jar')
assert plain == ['default: hello shaded', 'default: hello library'] : "with no selection: ${plain}"
true
