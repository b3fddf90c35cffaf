package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.testdata.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linking takes the classes with sites from the scan when its budget allows and reads them from the jar again when
 * not: either way the output is the same, byte for byte, in every mode.
 */
class ScannedClassesTest {

    @TempDir
    Path tmp;

    @Test
    void classesKeptByTheScanAndClassesReadAgainLinkAlike() throws IOException, PatchsiteException {
        Path sample = Samples.jar(Samples.SAMPLE);
        for (LinkMode mode : LinkMode.values()) {
            LinkRequest kept = request(sample, tmp.resolve(mode + "-kept.jar"), mode);
            LinkRequest reread = request(sample, tmp.resolve(mode + "-reread.jar"), mode);
            // A budget of one byte keeps nothing; the largest keeps every class with sites.
            PatchSiteTable fromScan = Linker.link(kept, Long.MAX_VALUE);
            PatchSiteTable fromJar = Linker.link(reread, 1);
            assertEquals(fromScan, fromJar, mode.label());
            assertArrayEquals(Files.readAllBytes(kept.outputs().get(0)), Files.readAllBytes(reread.outputs().get(0)),
                    mode.label());
        }
    }

    private static LinkRequest request(Path input, Path output, LinkMode mode) {
        LinkRequest request = LinkRequest.of(input, output).withMode(mode);
        return mode == LinkMode.STATIC ? request.withSelections(java.util.Map.of(
                "dev.patchsite.sample.lock.SpinLock", "paravirt", "dev.patchsite.sample.trace.LockEvents", "enabled"))
                : request;
    }
}
