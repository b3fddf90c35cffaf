def log = new File(basedir, 'build.log').text.readLines()
def expect = { String line, String why -> assert log.contains(line) : "${why}; build.log has no line: ${line}" }
def site = 'site com.example.greeting.Greeting.greet(Ljava/lang/String;)Ljava/lang/String; com.example.check.Main.second()Ljava/lang/String; #0 invoke line=20 offset=2'

// First build: package, then the baseline goal adds the new site.
expect("[INFO] + ${site}".toString(), 'the baseline goal does not log the added site')
expect('[INFO] patchsite: updated the baseline src/patchsite/baseline.table: 1 site added', 'the baseline goal does not say what changed')
def baseline = new File(basedir, 'src/patchsite/baseline.table').text.readLines()
// The log shows where the new build's site is; the baseline records no position, so a call that moves churns nothing.
assert baseline.contains(site - ' line=20 offset=2') : "the baseline does not contain the new site: ${baseline}"
assert !baseline.any { it.contains(' line=') || it.contains(' offset=') } : "the baseline records positions: ${baseline}"
assert baseline[0] == 'patchsite-table 1' && !baseline.contains('linked boot') : "the baseline must be the unlinked table: ${baseline}"

// Second build: the jar is as the first build linked it, so linking is skipped, and the check passes.
assert log.count('[INFO] patchsite: linked target/greeting-check-accepted-1.0.jar in boot mode: 1 function, 2 sites: 2 patch') == 1 : 'the jar must be linked exactly once'
expect('[INFO] patchsite: target/greeting-check-accepted-1.0.jar is up to date: its inputs and configuration have not changed since it was linked',
        'the second build did not skip linking')
expect('[INFO] patchsite: the patch sites match the baseline src/patchsite/baseline.table: no differences', 'the check did not pass')
// Third build: skip is true, so the baseline goal does nothing.
expect('[INFO] patchsite: skipping baseline (skip is true)', 'the baseline goal ignored skip')
// Fourth build: with positions=true, the baseline keeps them.
def withPositions = new File(basedir, 'target/with-positions.table').text.readLines()
assert withPositions.contains(site) : "the baseline with positions does not contain the site as built: ${withPositions}"
assert withPositions.findAll { it.startsWith('site ') }.every { it =~ / line=\d+ offset=\d+/ } : "a site without its position: ${withPositions}"
assert !log.any { it.startsWith('[ERROR]') } : 'no error expected'
true
