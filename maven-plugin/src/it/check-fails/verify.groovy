def log = new File(basedir, 'build.log').text.readLines()
def expect = { String line, String why -> assert log.contains(line) : "${why}; build.log has no line: ${line}" }

expect('[ERROR] patchsite diff: src/patchsite/baseline.table -> target/patchsite/patchsite.table', 'the diff is not logged')
expect('[ERROR] + site com.example.greeting.Greeting.greet(Ljava/lang/String;)Ljava/lang/String; com.example.check.Main.second()Ljava/lang/String; #0 invoke line=20 offset=2',
        'the added site is not in the diff')
expect('[ERROR] patchsite: the patch sites changed against the baseline src/patchsite/baseline.table: 1 site added (report: target/patchsite/report.md)',
        'no summary of the failure')
expect('[ERROR] To accept the change, run: mvn package patchsite:baseline', 'no command that accepts the change')
// The policy is named as the POM sets it, not as the command line's flag.
expect('[ERROR] FAILED: the patch-site table changed (<failOn>any</failOn>)', 'the failure does not name the failOn parameter')
assert !log.any { it.contains('--fail-on') } : "a Maven build must not name the command line's --fail-on"
expect('[ERROR] and commit src/patchsite/baseline.table', 'no advice to commit the baseline')
assert !log.any { it.startsWith('[ERROR] - site') } : 'the site in Main.first is in the baseline and must not be reported removed'
assert !log.any { it.contains('at dev.patchsite.') } : 'a user error must not print a stack trace'

def table = new File(basedir, 'target/patchsite/patchsite.table')
assert table.isFile() : 'target/patchsite/patchsite.table was not written'
assert table.text.contains('com.example.check.Main.second()') : 'the written table lacks the new site'
def report = new File(basedir, 'target/patchsite/report.md')
assert report.isFile() : 'target/patchsite/report.md was not written'
assert report.text.contains('com.example.check.Main.second()') : 'the report lacks the new site'
assert report.text.contains('**Failed** (`<failOn>any</failOn>`)') : "the report does not name the failOn parameter: ${report.text}"
// The SARIF report puts the added site on its line of the sources, named from where Maven ran.
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/patchsite/report.sarif'))
def result = sarif.runs[0].results.find { it.ruleId == 'site-added' }
assert result != null : "report.sarif has no site-added result: ${sarif}"
assert result.level == 'error' : "the added site fails failOn=any: ${result}"
def where = result.locations[0].physicalLocation
assert where.artifactLocation.uri == 'src/main/java/com/example/check/Main.java' && where.region.startLine == 20 :
        "the added site is not on Main.java line 20: ${where}"
assert !new File(basedir, 'src/patchsite/baseline.table').text.contains('Main.second') : 'check must never change the baseline'
true
