package dev.patchsite.linker.check;

import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanSettings;
import dev.patchsite.linker.diff.FailPolicy;
import java.nio.file.Path;
import java.util.List;
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
 * @param sarifFile where to write the differences as SARIF, for code scanning, or null for none
 * @param sourceRoots the program's source directories, where the SARIF report finds each difference's file
 */
public record CheckRequest(ProgramFiles program, ScanSettings settings, Path baseline, FailPolicy failOn,
        Path tableFile, Path reportFile, Path base, String acceptCommand, Path sarifFile, List<Path> sourceRoots) {

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
        sourceRoots = List.copyOf(sourceRoots);
    }

    /**
     * Creates a request that writes no SARIF report.
     *
     * @param program the program whose table is checked
     * @param settings the threads and log to scan with
     * @param baseline the committed table to compare with
     * @param failOn which differences fail the check
     * @param tableFile where to write the program's table
     * @param reportFile where to write the differences as Markdown
     * @param base the directory the files are named relative to in messages
     * @param acceptCommand the command that writes the baseline
     */
    public CheckRequest(ProgramFiles program, ScanSettings settings, Path baseline, FailPolicy failOn,
            Path tableFile, Path reportFile, Path base, String acceptCommand) {
        this(program, settings, baseline, failOn, tableFile, reportFile, base, acceptCommand, null, List.of());
    }
}
