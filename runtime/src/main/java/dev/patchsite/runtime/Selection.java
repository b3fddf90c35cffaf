package dev.patchsite.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of selecting a group's variant: which one, why, and what each probe said. Public for the linker's
 * {@code explain}; not an API for programs.
 */
public final class Selection {

    /** The name that selects the functions' own bodies. */
    public static final String DEFAULT = "default";

    private final String variant;
    private final String reason;
    private final List<String> probes;

    Selection(String variant, String reason, List<String> probes) {
        this.variant = variant;
        this.reason = reason;
        this.probes = Collections.unmodifiableList(new ArrayList<String>(probes));
    }

    /** @return the selected variant's name, or {@link #DEFAULT} */
    public String variant() {
        return variant;
    }

    /** @return why it was selected, e.g. {@code probe com.example.NumaProbe holds (priority 10)} */
    public String reason() {
        return reason;
    }

    /** @return one line per probe evaluated, in the order evaluated, e.g. {@code paravirt: HypervisorProbe false} */
    public List<String> probes() {
        return probes;
    }

    /** @return whether the functions' own bodies were selected */
    public boolean isDefault() {
        return DEFAULT.equals(variant);
    }
}
