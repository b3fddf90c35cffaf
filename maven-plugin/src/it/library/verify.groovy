import java.util.zip.ZipFile

def tableOf(File jar) {
    new ZipFile(jar).withCloseable { zip ->
        def entry = zip.getEntry('META-INF/patchsite/table')
        entry == null ? null : zip.getInputStream(entry).getText('UTF-8').readLines()
    }
}

def log = new File(basedir, 'build.log').text
def main = new File(basedir, 'target/greeting-lib-1.0.jar')
def linked = new File(basedir, 'target/greeting-lib-1.0-linked.jar')
assert main.isFile() : "the library's jar was not built"
assert linked.isFile() : "the linked jar target/greeting-lib-1.0-linked.jar was not written"
assert tableOf(main) == null : "with a classifier, the project's own jar must stay unlinked"

def table = tableOf(linked)
assert table != null : "the linked jar carries no META-INF/patchsite/table"
def greet = 'com.example.greeting.Greeting.greet(Ljava/lang/String;)Ljava/lang/String;'
assert table[0] == 'patchsite-table 1' : "unexpected table header: ${table[0]}"
assert table.contains('linked boot') : "the table is not linked in boot mode: ${table}"
assert table.contains("function ${greet}".toString()) : "the function line is missing: ${table}"
assert table.contains("variant com.example.greeting.Greeting loud com.example.greeting.LoudGreeting priority=0 implements=greet(Ljava/lang/String;)Ljava/lang/String;".toString()) : "the variant line is missing: ${table}"
assert table.any { it.startsWith("site ${greet} com.example.greeting.Greeting.hello(Ljava/lang/String;)Ljava/lang/String; #0 invoke ") } : "the site in Greeting.hello is missing: ${table}"

assert log.contains('[INFO] patchsite: linked target/greeting-lib-1.0-linked.jar in boot mode: 1 function, 1 site: 1 patch') : 'no link summary in build.log'

// Both jars are installed: the attached one under its classifier.
def installed = new File(localRepositoryPath, 'com/example/greeting-lib/1.0')
assert new File(installed, 'greeting-lib-1.0.jar').bytes == main.bytes : 'the unlinked jar was not installed'
assert new File(installed, 'greeting-lib-1.0-linked.jar').bytes == linked.bytes : 'the linked jar was not attached and installed'
true
