package dev.patchsite.sample.lock;

import java.io.File;
import java.util.function.BooleanSupplier;

/**
 * Holds when the machine has more than one NUMA node, i.e. more than one {@code /sys/devices/system/node/node<N>}
 * directory; false when the directory cannot be read (not Linux, no permission). Never throws. Selects
 * {@link NumaSpinLock}.
 */
public final class NumaProbe implements BooleanSupplier {

    /** Creates the probe. */
    public NumaProbe() {
    }

    @Override
    public boolean getAsBoolean() {
        return nodes(new File("/sys/devices/system/node")) > 1;
    }

    static int nodes(File dir) {
        try {
            File[] entries = dir.listFiles();
            if (entries == null) {
                return 0;
            }
            int nodes = 0;
            for (File entry : entries) {
                if (entry.getName().matches("node[0-9]+") && entry.isDirectory()) {
                    nodes++;
                }
            }
            return nodes;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
