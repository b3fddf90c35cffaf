package startup;

import java.util.function.BooleanSupplier;

/** Holds everywhere: the probe a boot link runs at start-up, and a static link with --select-by-probes at link time. */
public final class FastProbe implements BooleanSupplier {

    /** Public, as @Variant's when requires. */
    public FastProbe() {
    }

    @Override
    public boolean getAsBoolean() {
        return Runtime.getRuntime().availableProcessors() > 0;
    }
}
