def runs = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSources, 'ProgramRuns.groovy'))
        .newInstance(basedir, jdk25Home)
def log = new File(basedir, 'build.log').text.readLines()
def expect = { String line, String why -> assert log.contains(line) : "${why}; build.log has no line: ${line}" }

// link-classes linked the classes, before the tests, without touching target/classes.
expect('[INFO] patchsite: linked target/patchsite/linked-classes.jar in boot mode: 2 functions, 2 sites: 2 patch',
        'link-classes did not link the classes')
def linked = new File(basedir, 'target/patchsite/linked-classes.jar')
assert runs.tableOf(linked)?.contains('linked boot') : 'the linked classes carry no table'
assert !new File(basedir, 'target/classes/META-INF/patchsite').exists() : 'target/classes was changed'
// The linker's own check of the linked classes, with the runtime of the integration tests' local repository.
def runtime = new File(basedir, '../../local-repo/dev/patchsite/patchsite-runtime').listFiles().collect {
    it.listFiles().find { jar -> jar.name.endsWith('.jar') } }.find { it != null }
assert runtime != null : 'no patchsite-runtime jar in the local repository of the integration tests'
runs.verify(new File(patchsiteJar), linked, [runtime.canonicalFile])

// Every Surefire execution ran both tests against them and passed: no selection, and shout forced (with JDK 25 too).
def executions = ['surefire-reports', 'surefire-reports-shout'] + (runs.javaHomes().size() > 1 ? ['surefire-reports-shout-jdk25'] : [])
for (reports in executions) {
    def report = new File(basedir, "target/${reports}/TEST-com.example.svc.ServiceTest.xml")
    assert report.isFile() : "no test report ${report}"
    def suite = new groovy.xml.XmlSlurper().parse(report)
    assert suite.@tests.toInteger() == 2 && suite.@failures.toInteger() == 0 && suite.@errors.toInteger() == 0 :
            "${reports}: expected 2 tests passed, found tests=${suite.@tests} failures=${suite.@failures} errors=${suite.@errors}"
}
// Against the unlinked classes, as Surefire runs by default, the tracepoint cannot be updated.
def unlinked = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/surefire-reports-unlinked/TEST-com.example.svc.ServiceTest.xml'))
def update = unlinked.testcase.find { it.@name == 'theTracepointRecordsWhileItIsOn' }
assert update.error.@type == 'java.lang.IllegalStateException' && update.error.@message.text().contains('is not a group of a linked program') :
        "against the unlinked classes the update should fail as the issue reports, but: ${update.error.@type}: ${update.error.@message}"
runs.assertAllPassed()
true
