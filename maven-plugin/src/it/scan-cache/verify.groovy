def log = new File(basedir, 'build.log').text.readLines()
def cache = new File(basedir, 'target/patchsite/scan-cache')
def files = (cache.listFiles() ?: []) as List

// One cache file per jar scanned: the project's, greeting-lib's and those greeting-lib depends on (the runtime); and
// the program's tables: the scan's and the check's (which baseline and check share).
def jars = files.findAll { it.name ==~ /scan-[0-9a-f]{16}\.cache/ }
def tables = files.findAll { it.name ==~ /scan-table-[0-9a-f]{16}\.cache/ }
assert jars.size() >= 2 : "the scan cache should hold one file per jar, the project's and its dependencies': ${files}"
assert tables.size() == 2 : "the scan cache should hold the scan's table and the check's: ${files}"
assert files.size() == jars.size() + tables.size() : "unexpected files in the scan cache: ${files}"
assert !files.any { it.name.endsWith('.tmp') } : 'a temporary file was left behind'
// The second and third builds (with the cache, then without) check the same table against the baseline.
assert log.count('[INFO] patchsite: the patch sites match the baseline src/patchsite/baseline.table: no differences') == 2 :
        'both checks should pass, with and without the cache'
assert !log.any { it.startsWith('[WARNING]') && it.contains('scan cache') } : 'no warning about the cache expected'
assert !log.any { it.startsWith('[ERROR]') } : 'no error expected'
true
