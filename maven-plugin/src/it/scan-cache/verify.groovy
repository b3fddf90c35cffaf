def log = new File(basedir, 'build.log').text.readLines()
def cache = new File(basedir, 'target/patchsite/scan-cache')
def files = (cache.listFiles() ?: []) as List

// One cache file per jar scanned: the project's, greeting-lib's and those greeting-lib depends on (the runtime).
assert files.size() >= 2 : "the scan cache should hold one file per jar, the project's and its dependencies': ${files}"
assert files.every { it.name ==~ /scan-[0-9a-f]{16}\.cache/ } : "unexpected files in the scan cache: ${files}"
assert !files.any { it.name.endsWith('.tmp') } : 'a temporary file was left behind'
// The second and third builds (with the cache, then without) check the same table against the baseline.
assert log.count('[INFO] patchsite: the patch sites match the baseline src/patchsite/baseline.table: no differences') == 2 :
        'both checks should pass, with and without the cache'
assert !log.any { it.startsWith('[WARNING]') && it.contains('scan cache') } : 'no warning about the cache expected'
assert !log.any { it.startsWith('[ERROR]') } : 'no error expected'
true
