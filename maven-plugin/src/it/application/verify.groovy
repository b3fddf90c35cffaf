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

def log = new File(basedir, 'build.log').text
def jar = new File(basedir, 'target/app.jar')
assert jar.isFile() : 'target/app.jar was not built'
assert log.contains('[INFO] patchsite: linked target/app.jar in boot mode: 1 function, 1 site: 1 patch') : 'no link summary in build.log'

new JarFile(jar).withCloseable { zip ->
    assert zip.manifest.mainAttributes.getValue('Launcher-Agent-Class') == 'dev.patchsite.runtime.Agent' : 'the executable jar does not start the agent'
    def table = zip.getInputStream(zip.getEntry('META-INF/patchsite/table')).getText('UTF-8').readLines()
    assert table.contains('linked boot') : "the jar is not linked in boot mode: ${table}"
    assert table.any { it.startsWith('site com.example.greeting.Greeting.greet(Ljava/lang/String;)Ljava/lang/String; com.example.app.Main.main([Ljava/lang/String;)V #0 invoke ') && it.endsWith(' bind=patch') } : "the site in Main.main is not patched: ${table}"
}

// The selection forced on the command line reaches the call site ...
def loud = run('-Dpatchsite.select.com.example.greeting.Greeting=loud', '-jar', 'target/app.jar')
assert loud == ['loud: HELLO APP'] : "with the loud variant selected: ${loud}"
// ... and without a selection the program behaves as it did unlinked: the default runs.
def plain = run('-Dpatchsite.select.com.example.greeting.Greeting=default', '-jar', 'target/app.jar')
assert plain == ['default: hello app'] : "with the default selected: ${plain}"
assert run('-jar', 'target/app.jar') == ['default: hello app'] : 'a variant without a probe must not be chosen by itself'
// Unlinked, the same classes run the default whatever is selected: nothing binds the site.
def classpath = ['target/classes', 'target/lib/greeting-lib-1.0.jar'].join(File.pathSeparator)
def unlinked = run('-Dpatchsite.select.com.example.greeting.Greeting=loud', '-cp', classpath, 'com.example.app.Main')
assert unlinked == ['default: hello app'] : "unlinked, with the loud variant selected: ${unlinked}"
true
