package dev.patchsite.linker.check;

import dev.patchsite.linker.Notice;
import dev.patchsite.linker.diff.TableDiff;
import java.util.List;

/**
 * What a check against a baseline, or an update of it, found.
 *
 * @param status how the program's table compares with the baseline
 * @param diff the differences from the baseline to the program's table (from an empty table if there is no baseline)
 * @param notices the lines to show, in order
 * @param failure why the check fails, one line naming the command that accepts the change; null if it passes
 */
public record CheckResult(Status status, TableDiff diff, List<Notice> notices, String failure) {

    /** Copies the notices. */
    public CheckResult {
        notices = List.copyOf(notices);
    }

    /**
     * Returns whether the check fails.
     *
     * @return true if there is a failure
     */
    public boolean fails() {
        return failure != null;
    }

    /** How the program's table compares with the baseline. */
    public enum Status {
        /** The same functions, variants and sites (lines and offsets may have moved). */
        MATCHES,
        /** Some function, variant or site was added, removed or changed. */
        DIFFERS,
        /** There was no baseline. */
        NO_BASELINE
    }
}
