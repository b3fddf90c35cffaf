def runs = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSources, 'ProgramRuns.groovy'))
        .newInstance(basedir, jdk25Home)
// build.log holds the eight builds of invoker.properties, each from Maven's first line.
def builds = new File(basedir, 'build.log').text.split(/(?m)^(?=.*\[INFO\] Scanning for projects\.\.\.)/)
        .findAll { it.contains('Scanning for projects') }.collect { it.readLines() }
assert builds.size() == 8 : "expected the eight builds of invoker.properties in build.log, found ${builds.size()}"
def expect = { int build, String line, String why ->
    assert builds[build - 1].contains(line) : "build ${build}: ${why}; its log has no line: ${line}"
}
def lib = 'lib/src/patchsite/baseline.table', app = 'app/src/patchsite/baseline.table'

// 1. No baseline: the first module's check fails with a command that works from the root, and the file's path.
expect(1, '[ERROR] To create it, run: mvn package patchsite:baseline -pl lib -am', 'no reactor-aware command')
expect(1, "[ERROR] and commit ${lib}".toString(), 'the file to commit is not named with its module path')

// 2. Baselines from the root: one per module, each about the module's own code. The application's lists the
//    library's function it calls, not the library's variant or sites.
expect(2, "[INFO] patchsite: created the baseline ${lib}: 1 function, 1 variant, 1 site".toString(), 'no library baseline')
expect(2, "[INFO] patchsite: created the baseline ${app}: 1 function, 0 variants, 1 site".toString(), 'no application baseline')
expect(2, '[INFO] patchsite: skipping baseline: com.example:text-parent:pom:1.0 has packaging pom and builds no jar', 'the parent was not skipped')

// 3. Both checks pass.
for (baseline in [lib, app]) {
    expect(3, "[INFO] patchsite: the patch sites match the baseline ${baseline}: no differences".toString(), 'a check did not pass')
}

// 4. Only the library's own sites changed: only its baseline changes; the application's jar is linked again (the
//    library under it changed) and its baseline stays as it is.
expect(4, "[INFO] patchsite: updated the baseline ${lib}: 2 sites added".toString(), 'the library baseline did not take its new sites')
expect(4, "[INFO] patchsite: the baseline ${app} is up to date".toString(), "the application's baseline changed with the library's own sites")
expect(4, '[INFO] patchsite: linked target/app.jar again, from target/patchsite/link.unlinked.jar (its class path or configuration changed since it was linked) in boot mode: 1 function, 1 site: 1 patch',
        'the application jar kept by the incremental build was not linked again against the new library')
assert !builds[3].any { it.contains('Building jar') && it.contains('app.jar') } : 'the application jar was packaged again: this build no longer shows an incremental build keeping a linked jar'

// 5. The library makes trim a function; its own baseline is accepted alone.
expect(5, "[INFO] patchsite: updated the baseline ${lib}: 1 function added, 1 variant changed".toString(), 'the library baseline did not take the new function')

// 6. An incremental build: the application's jar, kept as linked against the old library, is linked again, and its
//    check fails on its new site of trim (a clean build would too) instead of passing on the stale link.
expect(6, '[INFO] patchsite: linked target/app.jar again, from target/patchsite/link.unlinked.jar (its class path or configuration changed since it was linked) in boot mode: 2 functions, 2 sites: 2 patch',
        'the application jar was not linked again against the new library')
expect(6, "[INFO] patchsite: the patch sites match the baseline ${lib}: no differences".toString(), 'the library check did not pass')
def trim = 'com.example.text.Text.trim(Ljava/lang/String;)Ljava/lang/String;'
expect(6, "[ERROR] + function ${trim}".toString(), 'the new function is not in the diff')
assert builds[5].any { it.startsWith("[ERROR] + site ${trim} com.example.app.Main.main([Ljava/lang/String;)V #0 invoke ") } : 'the new site is not in the diff'
expect(6, '[ERROR] To accept the change, run: mvn package patchsite:baseline -pl app -am', 'no reactor-aware command')
expect(6, "[ERROR] and commit ${app}".toString(), 'the file to commit is not named with its module path')
assert !builds[5].any { it.contains('is kept as it is') } : 'a stale link was kept'

// 7. The printed command accepts the change.
expect(7, "[INFO] patchsite: updated the baseline ${app}: 1 function added, 1 site added".toString(), 'the printed command did not accept the change')
expect(7, "[INFO] patchsite: the baseline ${lib} is up to date".toString(), 'the library baseline changed')

// 8. Everything matches.
for (baseline in [lib, app]) {
    expect(8, "[INFO] patchsite: the patch sites match the baseline ${baseline}: no differences".toString(), 'a check did not pass')
}
def appBaseline = new File(basedir, app).readLines()
assert appBaseline.count { it.startsWith('site ') } == 2 && appBaseline.every { !it.startsWith('site ') || it.contains(' com.example.app.Main.main(') } : "the application baseline holds other sites than its own: ${appBaseline}"
assert !appBaseline.any { it.startsWith('variant ') } : "the application baseline holds the library's variant: ${appBaseline}"
assert new File(basedir, lib).readLines().count { it.startsWith('site ') } == 3 : 'the library baseline does not hold its three sites'

// The program as the last build left it, linked or not, runs the same for the same selection, with the new function.
def libJar = new File(basedir, 'lib/target/text-lib-1.0.jar'), appJar = new File(basedir, 'app/target/app.jar')
def runtime = new File(basedir, 'app/target/lib').listFiles().find { it.name.startsWith('patchsite-runtime-') }
runs.verify(new File(patchsiteJar), libJar, [runtime])
runs.verify(new File(patchsiteJar), appJar, [libJar, runtime])
def main = 'com.example.app.Main'
def defaults = ['default render app', 'default trim app', 'default render lib']
def select = '-Dpatchsite.select.com.example.text.Text='
runs.expect('unlinked', ['-cp', runs.path([new File(basedir, 'app/target/classes'), new File(basedir, 'lib/target/classes')]), main], defaults)
runs.expectEach(runs.launches([appJar, libJar], runtime, main), [
        'no selection': [[], defaults],
        'loud selected': [["${select}loud".toString()], ['loud render APP', 'loud trim APP', 'loud render LIB']],
])
runs.assertAllPassed()
true
