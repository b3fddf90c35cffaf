package dev.patchsite.linker.diff;

/**
 * Renders a diff as GitHub-flavoured Markdown for a pull-request comment: a heading, the names of the tables, a table
 * of counts, then one section per function (the function's own line, then its sites' lines) and per group (its
 * variants' lines) with a {@code diff} code block, so that GitHub colours added lines green and removed ones red; a
 * changed record is shown as its old line removed and its new line added. If the policy fails, a last line says so.
 * For example:
 *
 * <pre>
 * ### patchsite: patch-site table changes
 *
 * Changes from `baseline.table` to `target/patchsite.table`.
 *
 * | | added | removed | changed |
 * | --- | ---: | ---: | ---: |
 * | functions | 0 | 0 | 0 |
 * | variants | 0 | 0 | 1 |
 * | sites | 1 | 0 | 0 |
 *
 * #### function `com.example.SpinLock.slowpath(Lcom/example/QLock;I)V`
 *
 * ```diff
 * + site com.example.SpinLock.slowpath(Lcom/example/QLock;I)V com.example.App.run()V #0 invoke release=11 line=12 offset=7
 * ```
 *
 * #### group `com.example.SpinLock`
 *
 * ```diff
 * - variant com.example.SpinLock numa com.example.NumaSpinLock priority=10 implements=slowpath(Lcom/example/QLock;I)V
 * + variant com.example.SpinLock numa com.example.NumaSpinLock priority=20 implements=slowpath(Lcom/example/QLock;I)V
 * ```
 *
 * **Failed** (`--fail-on added`): 1 site added.
 * </pre>
 *
 * <p>With no differences the output is the heading and {@code No patch-site changes.}
 */
final class MarkdownFormat {

    static final String HEADING = "### patchsite: patch-site table changes";

    private MarkdownFormat() {
    }

    static String render(TableDiff diff, DiffReport report) {
        FailPolicy policy = report.policy();
        StringBuilder out = new StringBuilder(HEADING).append("\n\n");
        if (diff.isEmpty()) {
            return out.append("No patch-site changes.\n").toString();
        }
        out.append("Changes from ").append(code(report.oldName())).append(" to ").append(code(report.newName()))
                .append(".\n\n");
        out.append("| | added | removed | changed |\n");
        out.append("| --- | ---: | ---: | ---: |\n");
        row(out, "functions", diff.addedFunctions().size(), diff.removedFunctions().size(),
                diff.changedFunctions().size());
        row(out, "variants", diff.addedVariants().size(), diff.removedVariants().size(),
                diff.changedVariants().size());
        row(out, "sites", diff.addedSites().size(), diff.removedSites().size(), diff.changedSites().size());
        for (Section section : Section.of(diff)) {
            out.append("\n#### ").append(section.kind()).append(' ').append(code(section.name())).append("\n\n");
            out.append("```diff\n");
            for (Difference difference : section.differences()) {
                if (difference.oldLine() != null) {
                    out.append("- ").append(difference.oldLine()).append('\n');
                }
                if (difference.newLine() != null) {
                    out.append("+ ").append(difference.newLine()).append('\n');
                }
            }
            out.append("```\n");
        }
        if (diff.fails(policy)) {
            out.append("\n**Failed** (`").append(report.policySetting()).append("`): ").append(policy.reason(diff))
                    .append(".\n");
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String what, int added, int removed, int changed) {
        out.append("| ").append(what).append(" | ").append(added).append(" | ").append(removed).append(" | ")
                .append(changed).append(" |\n");
    }

    /** Returns the text as a code span, with a delimiter longer than any run of backticks in it. */
    static String code(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return fence + pad + text + pad + fence;
    }
}
