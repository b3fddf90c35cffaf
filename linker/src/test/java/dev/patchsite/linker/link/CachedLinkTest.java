package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.RecordedLog;
import dev.patchsite.linker.ScanSettings;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.TableWriter;
import dev.patchsite.testdata.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What linking and verifying take from a scan (declarations, the classes validation read, super-calls in linked
 * code) is complete with the scan cache: the linked jar has the same bytes whether its scan used no cache, an empty
 * one or a full one, and {@code verify} finds the same with and without it.
 */
class CachedLinkTest {

    @TempDir
    Path dir;

    @Test
    void aLinkWithTheCacheWritesTheSameBytesAsOneWithout() throws Exception {
        Path app = Samples.jar(Samples.SAMPLE_APP);
        Path lib = Samples.jar(Samples.SAMPLE_LIB);
        Path cache = dir.resolve("cache");
        for (LinkMode mode : LinkMode.values()) {
            Map<String, String> selections = mode == LinkMode.STATIC
                    ? Map.of("dev.patchsite.sample.lock.SpinLock", "numa") : Map.of();
            LinkRequest request = new LinkRequest(List.of(app, lib), List.of(), List.of(dir.resolve("a.jar"),
                    dir.resolve("l.jar")), mode, selections, null, 2, false, true, new RecordedLog());
            byte[][] expected = link(request, "none");
            for (String round : List.of("cold", "warm")) {
                byte[][] linked = link(request.withCache(cache), mode.label() + "-" + round);
                assertArrayEquals(expected[0], linked[0], mode.label() + ", " + round + " cache: the app");
                assertArrayEquals(expected[1], linked[1], mode.label() + ", " + round + " cache: the library");
            }
        }
    }

    @Test
    void verifyFindsTheSameWithTheCache() throws Exception {
        Path linked = dir.resolve("sample-linked.jar");
        Linker.link(LinkRequest.of(Samples.jar(Samples.SAMPLE), linked));
        ScanSettings settings = new ScanSettings(2, new RecordedLog());
        String expected = TableWriter.toText(Verifier.verify(linked, ProgramFiles.of(linked), settings));
        ScanSettings cached = settings.withCache(dir.resolve("cache"));
        assertEquals(expected, TableWriter.toText(Verifier.verify(linked, ProgramFiles.of(linked), cached)));
        assertEquals(expected, TableWriter.toText(Verifier.verify(linked, ProgramFiles.of(linked), cached)));
    }

    /** Links into a directory of the round's own and returns the outputs' bytes. */
    private byte[][] link(LinkRequest request, String round) throws Exception {
        Path out = Files.createDirectories(dir.resolve(round));
        List<Path> outputs = request.outputs().stream().map(p -> out.resolve(p.getFileName())).toList();
        Linker.link(request.withOutputs(outputs));
        return new byte[][] {Files.readAllBytes(outputs.get(0)), Files.readAllBytes(outputs.get(1))};
    }
}
