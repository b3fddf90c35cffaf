package dev.patchsite.linker.diff;

import dev.patchsite.linker.Labels;
import java.util.Objects;

/**
 * The output formats of a {@link TableDiff} ({@code --format} of {@code patchsite diff}). Every format is
 * deterministic and uses {@code \n} line ends; the Javadoc of each format's class shows an example.
 */
public enum DiffFormat {
    /**
     * For a terminal or a CI log: the names of the tables, then per function and per group each record's table line
     * prefixed with {@code +}, {@code -} or {@code ~}, then a summary line and, if the policy fails, a
     * {@code FAILED:} line.
     */
    TEXT,
    /**
     * GitHub-flavoured Markdown for a pull-request comment: a heading, a table of counts and per function and per
     * group a {@code diff} code block of table lines.
     */
    MARKDOWN,
    /**
     * JSON for tools: the names, the policy and whether it fails, the counts, and the added, removed and changed
     * functions, variants and sites in the form of a table's JSON.
     */
    JSON,
    /**
     * GitHub Actions workflow commands: an {@code ::error} (if it makes the policy fail) or {@code ::notice}
     * annotation per difference, then a summary annotation.
     */
    GITHUB,
    /**
     * SARIF 2.1.0 for code scanning (GitHub's {@code upload-sarif}): one rule per kind of change
     * ({@code site-added}, {@code variant-changed}, ...), one result per difference, at its source file and line
     * where known.
     */
    SARIF;

    /**
     * Returns the name used on the command line, e.g. {@code markdown}.
     *
     * @return the lower-case name
     */
    public String label() {
        return Labels.of(this);
    }

    /**
     * Returns the format with the given command-line name.
     *
     * @param label the lower-case name, e.g. {@code github}
     * @return the format
     * @throws IllegalArgumentException if no format has that name; the message lists the valid names
     */
    public static DiffFormat ofLabel(String label) {
        return Labels.parse(DiffFormat.class, label, "diff format");
    }

    /**
     * Renders a diff without sources, in the command line's words.
     *
     * @param diff the diff
     * @param oldName the name of the old table as the user gave it, e.g. its path
     * @param newName the name of the new table
     * @param policy the policy that decides which differences fail, shown in the output
     * @return the rendered text, ending with a line end
     */
    public String render(TableDiff diff, String oldName, String newName, FailPolicy policy) {
        return render(diff, DiffReport.of(oldName, newName, policy));
    }

    /**
     * Renders a diff.
     *
     * @param diff the diff
     * @param report the names of the tables, the policy, the source roots and the front-end's words
     * @return the rendered text, ending with a line end
     */
    public String render(TableDiff diff, DiffReport report) {
        Objects.requireNonNull(diff, "diff");
        Objects.requireNonNull(report, "report");
        return switch (this) {
            case TEXT -> TextFormat.render(diff, report);
            case MARKDOWN -> MarkdownFormat.render(diff, report);
            case JSON -> JsonFormat.render(diff, report);
            case GITHUB -> GithubFormat.render(diff, report);
            case SARIF -> SarifFormat.render(diff, report);
        };
    }
}
