package dev.patchsite.sample.lock;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.BooleanSupplier;

/**
 * Holds when the CPU reports the {@code hypervisor} flag in {@code /proc/cpuinfo}, i.e. when running in a virtual
 * machine; false when the file cannot be read (not Linux, no permission). Never throws. Selects
 * {@link ParavirtSpinLock}.
 */
public final class HypervisorProbe implements BooleanSupplier {

    /** Creates the probe. */
    public HypervisorProbe() {
    }

    @Override
    public boolean getAsBoolean() {
        return hasFlag(Paths.get("/proc/cpuinfo"), "hypervisor");
    }

    static boolean hasFlag(Path cpuinfo, String flag) {
        try (BufferedReader in = Files.newBufferedReader(cpuinfo, StandardCharsets.ISO_8859_1)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int colon = line.indexOf(':');
                if (colon < 0 || !line.substring(0, colon).trim().equals("flags")) {
                    continue;
                }
                for (String f : line.substring(colon + 1).trim().split("\\s+")) {
                    if (f.equals(flag)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
