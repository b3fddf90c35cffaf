package dev.patchsite.linker;

import java.util.ArrayList;
import java.util.List;

/** A log that keeps the warnings, in order, for tests to assert; information is dropped. */
public final class RecordedLog implements PatchsiteLog {

    private final List<String> warnings = new ArrayList<>();

    @Override
    public synchronized void warn(String message) {
        warnings.add(message);
    }

    @Override
    public void info(String message) {
    }

    /**
     * Returns the warnings logged so far.
     *
     * @return a copy, in order
     */
    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }
}
