import java.util.jar.JarFile

def runs = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSources, 'ProgramRuns.groovy'))
        .newInstance(basedir, jdk25Home)
def log = new File(basedir, 'build.log').text
def skipped = '[INFO] patchsite: skipping link: com.example:format-parent:pom:1.0 has packaging pom and builds no jar'
assert log.contains(skipped) : "the parent (packaging pom) was not skipped with the line: ${skipped}"
def lib = new File(basedir, 'lib/target/format-lib-1.0.jar')
def app = new File(basedir, 'app/target/app.jar')
assert lib.isFile() && app.isFile() : 'the modules were not packaged'
for (line in ['[INFO] patchsite: linked target/format-lib-1.0.jar in boot mode: 2 functions, 3 sites: 1 default, 2 patch',
              '[INFO] patchsite: linked target/app.jar in boot mode: 2 functions, 1 site: 1 patch']) {
    assert log.contains(line) : "no line in build.log: ${line}"
}

// Both modules are linked in place; the application's jar starts the agent itself.
def render = 'com.example.format.Format.render(Ljava/lang/String;)Ljava/lang/String;'
def libTable = runs.tableOf(lib), appTable = runs.tableOf(app)
assert libTable?.contains('linked boot') : "the library's jar is not linked in boot mode: ${libTable}"
assert libTable.any { it.startsWith("site ${render} com.example.format.FancyFormat.render(Ljava/lang/String;)Ljava/lang/String; #0 invoke super ") && it.endsWith(' bind=default') } : "the super-call in FancyFormat.render is not bound to the default: ${libTable}"
assert appTable?.contains('linked boot') : "the application's jar is not linked in boot mode: ${appTable}"
assert appTable.any { it.startsWith("site ${render} com.example.app.Main.main([Ljava/lang/String;)V #0 invoke ") && it.endsWith(' bind=patch') } : "the site in Main.main is not patched: ${appTable}"
def manifest = new JarFile(app).withCloseable { it.manifest.mainAttributes }
assert manifest.getValue('Launcher-Agent-Class') == 'dev.patchsite.runtime.Agent' : 'the executable jar does not start the agent'
def runtime = new File(basedir, 'app/target/lib').listFiles().find { it.name.startsWith('patchsite-runtime-') }
assert runtime != null : 'the runtime was not copied with the dependencies to app/target/lib'
assert manifest.getValue('Class-Path').split(' ').toList() == ['lib/format-lib-1.0.jar', "lib/${runtime.name}".toString()] : "unexpected Class-Path: ${manifest.getValue('Class-Path')}"

// The linker's own check of each jar, with the class path it was linked with (failures are listed at the end).
runs.verify(new File(patchsiteJar), lib, [runtime])
runs.verify(new File(patchsiteJar), app, [lib, runtime])

// The unlinked program runs the defaults, whatever is selected: nothing binds its calls.
def main = 'com.example.app.Main'
def defaults = ['default render app', 'default render lib / default close lib']
def classes = runs.path([new File(basedir, 'app/target/classes'), new File(basedir, 'lib/target/classes')])
def select = '-Dpatchsite.select.com.example.format.Format='
runs.expect('unlinked', ['-cp', classes, main], defaults)
runs.expect('unlinked, plain selected', ["${select}plain".toString(), '-cp', classes, main], defaults)

// Linked, each way it can start, it runs as the unlinked program does for the default, and runs the variant selected
// otherwise; the fancy variant's super-call means the default.
def fancy = ['fancy [default render app]', 'fancy [default render lib] / default close lib']
runs.expectEach(runs.launches([app, lib], runtime, main), [
        'no selection (no probe holds)': [[], defaults],
        'default selected': [["${select}default".toString()], defaults],
        'fancy selected': [["${select}fancy".toString()], fancy],
        'fancy by its probe': [['-Dexample.fancy=true'], fancy],
        'plain selected': [["${select}plain".toString()], ['plain render APP', 'plain render LIB / plain close LIB']],
])
runs.assertAllPassed()
true
