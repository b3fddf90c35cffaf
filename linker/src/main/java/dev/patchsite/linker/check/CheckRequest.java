package dev.patchsite.linker.check;

import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanSettings;
import dev.patchsite.linker.diff.FailPolicy;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to check against a baseline.
 *
 * @param program the program whose table is checked, as its files are now; its first jar is the module
 * @param settings the threads and log to scan with
 * @param baseline the committed table to compare with; it may not exist yet
 * @param failOn which differences fail the check
 * @param tableFile where to write the program's table
 * @param reportFile where to write the differences as Markdown, for a pull-request comment
 * @param base the directory the files are named relative to in messages, e.g. the project's
 * @param acceptCommand the command that writes the baseline, which the messages tell the user to run
 * @param scope which part of the program's table is checked: the first jar's own (a module's), or the whole program's
 */
public record CheckRequest(ProgramFiles program, ScanSettings settings, Path baseline, FailPolicy failOn,
        Path tableFile, Path reportFile, Path base, String acceptCommand, TableScope scope) {

    /** Checks that nothing is missing. */
    public CheckRequest {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(failOn, "failOn");
        Objects.requireNonNull(tableFile, "tableFile");
        Objects.requireNonNull(reportFile, "reportFile");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(acceptCommand, "acceptCommand");
        Objects.requireNonNull(scope, "scope");
    }

    /**
     * Creates a request that checks the module's part of the table, the first jar's own ({@link TableScope#MODULE}).
     *
     * @param program the program
     * @param settings the threads and log to scan with
     * @param baseline the committed table
     * @param failOn which differences fail the check
     * @param tableFile where to write the table
     * @param reportFile where to write the differences
     * @param base the directory files are named relative to
     * @param acceptCommand the command that writes the baseline
     */
    public CheckRequest(ProgramFiles program, ScanSettings settings, Path baseline, FailPolicy failOn,
            Path tableFile, Path reportFile, Path base, String acceptCommand) {
        this(program, settings, baseline, failOn, tableFile, reportFile, base, acceptCommand, TableScope.MODULE);
    }
}
