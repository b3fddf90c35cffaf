import java.util.jar.JarFile

def runs = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSources, 'ProgramRuns.groovy'))
        .newInstance(basedir, jdk25Home)
def log = new File(basedir, 'build.log').text
def group = new File(basedir, 'group/target/digest-group-1.0.jar')
def variants = new File(basedir, 'variants/target/digest-variants-1.0.jar')
def app = new File(basedir, 'app/target/app.jar')
assert group.isFile() && variants.isFile() && app.isFile() : 'the modules were not packaged'
for (line in ['[INFO] patchsite: linked target/digest-group-1.0.jar in boot mode: 1 function, 2 sites: 2 patch',
              '[INFO] patchsite: linked target/digest-variants-1.0.jar in boot mode: 1 function, 1 site: 1 default',
              '[INFO] patchsite: linked target/app.jar in boot mode: 1 function, 1 site: 1 patch']) {
    assert log.contains(line) : "no line in build.log: ${line}"
}

// The variants' module was linked with the group's module on its class path: it sees the group, and its super-call
// is bound to the default.
def of = 'com.example.digest.Digest.of(Ljava/lang/String;)Ljava/lang/String;'
def variantsTable = runs.tableOf(variants)
assert variantsTable?.contains('linked boot') : "the variants' jar is not linked in boot mode: ${variantsTable}"
assert variantsTable.contains('variant com.example.digest.Digest wrapped com.example.digest.extra.WrappedDigest priority=5 when=com.example.digest.extra.WrappedProbe implements=of(Ljava/lang/String;)Ljava/lang/String;') : "the variant wrapped is missing: ${variantsTable}"
assert variantsTable.any { it.startsWith("site ${of} com.example.digest.extra.WrappedDigest.of(Ljava/lang/String;)Ljava/lang/String; #0 invoke super ") && it.endsWith(' bind=default') } : "the super-call in WrappedDigest.of is not bound to the default: ${variantsTable}"
// The application's link sees the variants through its dependencies.
def appTable = runs.tableOf(app)
assert appTable?.contains('variant com.example.digest.Digest length com.example.digest.extra.LengthDigest priority=0 implements=of(Ljava/lang/String;)Ljava/lang/String;') : "the application's table does not list the variants of its dependency: ${appTable}"
assert appTable.any { it.startsWith("site ${of} com.example.app.Main.main([Ljava/lang/String;)V #0 invoke ") && it.endsWith(' bind=patch') } : "the site in Main.main is not patched: ${appTable}"
def runtime = new File(basedir, 'app/target/lib').listFiles().find { it.name.startsWith('patchsite-runtime-') }
assert runtime != null : 'the runtime was not copied with the dependencies to app/target/lib'
def classPath = new JarFile(app).withCloseable { it.manifest.mainAttributes.getValue('Class-Path') }
assert classPath.split(' ').toList() == ['lib/digest-variants-1.0.jar', 'lib/digest-group-1.0.jar', "lib/${runtime.name}".toString()] : "unexpected Class-Path: ${classPath}"

// The linker's own check of each jar, with the class path it was linked with (failures are listed at the end).
runs.verify(new File(patchsiteJar), group, [runtime])
runs.verify(new File(patchsiteJar), variants, [group, runtime])
runs.verify(new File(patchsiteJar), app, [variants, group, runtime])

// The unlinked program runs the default, whatever is selected.
def main = 'com.example.app.Main'
def defaults = ['sum 321', 'sum 97, sum 98']
def classes = runs.path(['app', 'variants', 'group'].collect { new File(basedir, "${it}/target/classes") })
def select = '-Dpatchsite.select.com.example.digest.Digest='
runs.expect('unlinked', ['-cp', classes, main], defaults)
runs.expect('unlinked, length selected', ["${select}length".toString(), '-cp', classes, main], defaults)

// Linked, each way it can start, it runs as the unlinked program does for the default, and runs the variant from the
// dependency otherwise: its super-call means the default, in the application's sites and in the group module's own.
def wrapped = ['wrapped(sum 321)', 'wrapped(sum 97), wrapped(sum 98)']
runs.expectEach(runs.launches([app, variants, group], runtime, main), [
        'no selection (no probe holds)': [[], defaults],
        'default selected': [["${select}default".toString()], defaults],
        'wrapped selected': [["${select}wrapped".toString()], wrapped],
        'wrapped by its probe': [['-Dexample.wrapped=true'], wrapped],
        'length selected': [["${select}length".toString()], ['length 3', 'length 1, length 1']],
])
runs.assertAllPassed()
true
