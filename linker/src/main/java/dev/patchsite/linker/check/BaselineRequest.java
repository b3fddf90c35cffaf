package dev.patchsite.linker.check;

import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Which baseline to write, and from which program.
 *
 * @param program the program whose table becomes the baseline, as its files are now; its first jar is the module
 * @param settings the threads and log to scan with
 * @param baseline the table file to create or update
 * @param base the directory the files are named relative to in messages, e.g. the project's
 * @param scope which part of the program's table is written: the first jar's own (a module's), or the whole program's
 * @param positions whether each site keeps its {@code line=} and {@code offset=}; false for the position-free form,
 *     in which a call that only moved changes no line of the baseline
 */
public record BaselineRequest(ProgramFiles program, ScanSettings settings, Path baseline, Path base,
        TableScope scope, boolean positions) {

    /** Checks that nothing is missing. */
    public BaselineRequest {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(scope, "scope");
    }

    /**
     * Creates a request that writes the module's part of the table, the first jar's own ({@link TableScope#MODULE}),
     * without positions.
     *
     * @param program the program
     * @param settings the threads and log to scan with
     * @param baseline the table file to create or update
     * @param base the directory files are named relative to
     */
    public BaselineRequest(ProgramFiles program, ScanSettings settings, Path baseline, Path base) {
        this(program, settings, baseline, base, TableScope.MODULE, false);
    }
}
