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
 * @param program the program whose table is checked, as its files are now; its first jar is the module
 * @param settings the threads and log to scan with
 * @param baseline the committed table to compare with; it may not exist yet
 * @param failOn which differences fail the check
 * @param tableFile where to write the program's table
 * @param reportFile where to write the differences as Markdown, for a pull-request comment
 * @param base the directory the files are named relative to in messages, e.g. the project's
 * @param acceptCommand the command that writes the baseline, which the messages tell the user to run
 * @param scope which part of the program's table is checked: the first jar's own (a module's), or the whole program's
 * @param sarifFile where to write the differences as SARIF, for code scanning, or null for none
 * @param sourceRoots the program's source directories, where the SARIF report finds each difference's file
 */
public record CheckRequest(ProgramFiles program, ScanSettings settings, Path baseline, FailPolicy failOn,
        Path tableFile, Path reportFile, Path base, String acceptCommand, TableScope scope, Path sarifFile,
        List<Path> sourceRoots) {

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
        sourceRoots = List.copyOf(sourceRoots);
    }

    /**
     * Creates a request that checks the module's part of the table, the first jar's own ({@link TableScope#MODULE}),
     * and writes no SARIF report.
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
        this(program, settings, baseline, failOn, tableFile, reportFile, base, acceptCommand, TableScope.MODULE, null,
                List.of());
    }
}
