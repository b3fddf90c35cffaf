package dev.patchsite.linker.check;

import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Which baseline to write, and from which program.
 *
 * @param program the program whose table becomes the baseline: the table its first jar carries if that jar is
 *     linked, else the table of the program scanned
 * @param settings the threads and log to scan with
 * @param baseline the table file to create or update
 * @param base the directory the files are named relative to in messages, e.g. the project's
 */
public record BaselineRequest(ProgramFiles program, ScanSettings settings, Path baseline, Path base) {

    /** Checks that nothing is missing. */
    public BaselineRequest {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(base, "base");
    }
}
