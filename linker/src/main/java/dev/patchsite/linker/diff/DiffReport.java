package dev.patchsite.linker.diff;

import dev.patchsite.linker.Vocabulary;
import dev.patchsite.linker.Vocabulary.Setting;
import java.util.Objects;

/**
 * What a rendered diff says besides the differences: the names of the tables, the policy, where the sources are
 * (for the formats that point at lines of code) and the words of the front-end that shows it.
 *
 * @param oldName the name of the old table as the user gave it, e.g. its path
 * @param newName the name of the new table
 * @param policy the policy that decides which differences fail, shown in the output
 * @param sources where the program's source files are, to give a difference a file and line
 * @param vocabulary how the front-end's user names the policy, e.g. {@code --fail-on added}
 */
public record DiffReport(String oldName, String newName, FailPolicy policy, SourceRoots sources,
        Vocabulary vocabulary) {

    /** Checks that nothing is missing. */
    public DiffReport {
        Objects.requireNonNull(oldName, "oldName");
        Objects.requireNonNull(newName, "newName");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(vocabulary, "vocabulary");
    }

    /**
     * Returns a report without sources, in the command line's words.
     *
     * @param oldName the name of the old table
     * @param newName the name of the new table
     * @param policy the policy
     * @return the report
     */
    public static DiffReport of(String oldName, String newName, FailPolicy policy) {
        return new DiffReport(oldName, newName, policy, SourceRoots.NONE, Vocabulary.COMMAND_LINE);
    }

    /** Returns how the user set the policy, e.g. {@code --fail-on added}. */
    String policySetting() {
        return vocabulary.setting(Setting.FAIL_ON, policy.label());
    }
}
