package dev.patchsite.linker.check;

import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanSettings;
import dev.patchsite.linker.diff.FailPolicy;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to check against a baseline.
 *
 * @param program the program whose table is checked: the table its first jar carries if that jar is linked, else
 *     the table of the program scanned
 * @param settings the threads and log to scan with
 * @param baseline the committed table to compare with; it may not exist yet
 * @param failOn which differences fail the check
 * @param tableFile where to write the program's table
 * @param reportFile where to write the differences as Markdown, for a pull-request comment
 * @param base the directory the files are named relative to in messages, e.g. the project's
 * @param acceptCommand the command that writes the baseline, which the messages tell the user to run
 */
public record CheckRequest(ProgramFiles program, ScanSettings settings, Path baseline, FailPolicy failOn,
        Path tableFile, Path reportFile, Path base, String acceptCommand) {

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
    }
}
