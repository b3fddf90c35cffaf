package dev.patchsite.linker.diff;

/**
 * Renders a diff as GitHub Actions workflow commands: one annotation per difference, in the order of the text format
 * (by function, then by group), then one summary annotation. An annotation is {@code ::error} if its difference makes
 * the policy fail and {@code ::notice} otherwise; the summary is {@code ::error} if the diff fails. A difference
 * whose class's source file is under a {@linkplain SourceRoots source root} carries {@code file=} (relative to where
 * the diff runs, the checkout in CI) and, for a site whose table recorded it, {@code line=}, so that GitHub shows it
 * on that line of the pull request; a removed site of a baseline without positions gets its file only. Messages and
 * properties are escaped as GitHub requires ({@code %}, CR and LF; in properties also {@code :} and {@code ,}). For
 * example, with {@code --fail-on added} and {@code --source-root src/main/java}:
 *
 * <pre>
 * ::error file=src/main/java/com/example/App.java,line=12,title=patchsite%3A site added::com.example.App.run()V (release 11) calls com.example.SpinLock.slowpath(Lcom/example/QLock;I)V (#0, invoke, line 12)
 * ::notice file=src/main/java/com/example/App.java,line=41,title=patchsite%3A site changed::com.example.App.close()V calls com.example.SpinLock.unlock(Lcom/example/QLock;)V (#0): kind ref -&gt; invoke
 * ::notice file=src/main/java/com/example/SpinLock.java,title=patchsite%3A variant changed::com.example.SpinLock variant numa: priority 10 -&gt; 20
 * ::error title=patchsite::baseline.table -&gt; target/patchsite.table: 1 variant changed, 1 site added, 1 site changed; FAILED: 1 site added (--fail-on added)
 * </pre>
 *
 * <p>With no differences the output is the summary annotation alone, a notice ending in {@code no differences}.
 */
final class GithubFormat {

    private GithubFormat() {
    }

    static String render(TableDiff diff, DiffReport report) {
        StringBuilder out = new StringBuilder();
        for (Section section : Section.of(diff)) {
            for (Difference difference : section.differences()) {
                String title = "patchsite: " + difference.noun() + ' ' + difference.delta().label();
                annotation(out, report.policy().failsOn(difference.delta()),
                        Location.of(difference, report.sources()), title, Descriptions.message(difference, diff));
            }
        }
        String summary = report.oldName() + " -> " + report.newName() + ": " + diff.summary();
        boolean fails = diff.fails(report.policy());
        if (fails) {
            summary += "; FAILED: " + report.policy().reason(diff) + " (" + report.policySetting() + ")";
        }
        annotation(out, fails, null, "patchsite", summary);
        return out.toString();
    }

    private static void annotation(StringBuilder out, boolean error, Location location, String title,
            String message) {
        out.append(error ? "::error " : "::notice ");
        if (location != null) {
            out.append("file=").append(escapeProperty(location.file())).append(',');
            if (location.line() > 0) {
                out.append("line=").append(location.line()).append(',');
            }
        }
        out.append("title=").append(escapeProperty(title)).append("::").append(escapeData(message)).append('\n');
    }

    /** Escapes a workflow command's message: {@code %}, CR and LF. */
    static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a workflow command's property value: as a message, and also {@code :} and {@code ,}. */
    static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }
}
