import java.util.concurrent.TimeUnit
import java.util.jar.JarFile

/**
 * Runs the program an integration test built, each run in a JVM of its own under -Xverify:all (with C1 alone and the
 * serial GC, which start faster), with the JDK that runs Maven and with the JDK 25 the build names (when this machine
 * has it), and collects every run whose output is not the expected one, so that one failed build lists all of them.
 * A verify.groovy loads it with
 * new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSources, 'ProgramRuns.groovy')).
 */
class ProgramRuns {

    private final File directory
    private final List<File> javaHomes
    private final List<String> mismatches = []
    private final List<String> verifyFailures = []
    private int count

    /**
     * @param directory the directory the programs run in, against which relative paths are resolved
     * @param jdk25Home the home of a JDK 25, used too if it has a bin/java
     */
    ProgramRuns(File directory, String jdk25Home) {
        this.directory = directory
        def homes = [new File(System.getProperty('java.home'))]
        if (jdk25Home && new File(jdk25Home, 'bin/java').canExecute()) {
            homes << new File(jdk25Home)
        }
        this.javaHomes = homes
    }

    /** Returns the homes of the JDKs the runs use. */
    List<File> javaHomes() {
        javaHomes
    }

    /**
     * Runs java with these arguments under each JDK and records a mismatch when it fails or prints other lines than
     * expected on its standard output.
     */
    void expect(String what, List<String> args, List<String> expected) {
        for (home in javaHomes) {
            def result = runIn(home, ['-Xverify:all', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'] + args)
            count++
            if (result.exit != 0 || result.out != expected) {
                mismatches << "${what} (JDK ${home}): java ${args.join(' ')}\n    expected ${expected}\n    printed  ${result.out} (exit ${result.exit})${result.err ? '\n    stderr   ' + result.err.readLines().take(6).join('\n             ') : ''}"
            }
        }
    }

    /**
     * Runs every launch with every selection under each JDK.
     *
     * @param launches what each launch passes to java (after the selection's options), by name
     * @param selections by name, a list of the JVM options that select and the output expected with them
     */
    void expectEach(Map<String, List<String>> launches, Map<String, List> selections) {
        launches.each { launch, args ->
            selections.each { selection, optionsAndOutput ->
                expect("${launch}, ${selection}", optionsAndOutput[0] + args, optionsAndOutput[1])
            }
        }
    }

    /** Fails, listing each one, if any run so far did not print what it should or any jar failed patchsite verify. */
    void assertAllPassed() {
        def failures = verifyFailures + (mismatches ? ["${mismatches.size()} of ${count} runs did not print what the unlinked program does for their selection:"] + mismatches : [])
        assert failures.isEmpty() : failures.join('\n')
    }

    /**
     * Returns the ways a linked program starts: with the jars on the class path in the order given and in the reverse
     * order (the runtime last), each with and without the runtime's agent given with -javaagent, and, for the first
     * jar, java -jar (its Launcher-Agent-Class starts the agent, its Class-Path names the other jars).
     *
     * @param jars the application's jar first, then its dependencies
     */
    Map<String, List<String>> launches(List<File> jars, File runtime, String mainClass) {
        def agent = "-javaagent:${path([runtime])}".toString()
        def forward = path(jars + [runtime]), backward = path(jars.reverse() + [runtime])
        [
                'linked, -cp application first, no agent': ['-cp', forward, mainClass],
                'linked, -cp application last, no agent': ['-cp', backward, mainClass],
                'linked, -cp application first, -javaagent': [agent, '-cp', forward, mainClass],
                'linked, -cp application last, -javaagent': [agent, '-cp', backward, mainClass],
                'linked, java -jar (Launcher-Agent-Class, Class-Path)': ['-jar', path([jars[0]])],
        ]
    }

    /** Returns a class path of these files, relative to the directory the programs run in (short messages). */
    String path(List<File> files) {
        files.collect { directory.toPath().relativize(it.toPath()).toString() }.join(File.pathSeparator)
    }

    /**
     * Runs patchsite verify on a linked jar with the class path it was linked with, and records a failure unless it
     * passes.
     */
    void verify(File patchsiteJar, File jar, List<File> classpath) {
        def command = "patchsite verify ${path([jar])} --classpath=${path(classpath)}"
        def result = run(['-jar', patchsiteJar.path, 'verify', '--no-cache', path([jar]),
                "--classpath=${path(classpath)}".toString()])
        if (result.exit != 0) {
            verifyFailures << "${command} failed (exit ${result.exit}):\n${result.out.join('\n')}\n${result.err}"
        }
    }

    /** Returns the lines of the patch-site table a jar carries, or null if it carries none (it is not linked). */
    static List<String> tableOf(File jar) {
        new JarFile(jar).withCloseable { zip ->
            def entry = zip.getEntry('META-INF/patchsite/table')
            entry == null ? null : zip.getInputStream(entry).getText('UTF-8').readLines()
        }
    }

    /** Runs java under the first JDK and returns its exit code and its standard output's lines and error. */
    Map run(List<String> args) {
        runIn(javaHomes[0], args)
    }

    private Map runIn(File home, List<String> args) {
        def process = ([new File(home, 'bin/java').path] + args).execute(null, directory)
        def out = new StringBuffer(), err = new StringBuffer()
        def readers = [process.consumeProcessOutputStream(out), process.consumeProcessErrorStream(err)]
        boolean finished = process.waitFor(60, TimeUnit.SECONDS)
        if (!finished) {
            process.destroyForcibly()
        }
        readers*.join(10_000)
        [exit: finished ? process.exitValue() : -1, out: out.toString().readLines(),
         err: (finished ? '' : 'did not finish in 60 s\n') + err]
    }
}
