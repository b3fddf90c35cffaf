package dev.patchsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.patchsite.testdata.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan cache on the command line: {@code --cache DIR}, the default directory, {@code --no-cache}, and a damaged
 * cache, which is a warning; the table is the same in every case. And {@code -q}, which draws no progress line (none
 * is drawn here anyway: standard error is not a terminal).
 */
class ScanCacheOptionsTest {

    @TempDir
    Path tmp;

    @Test
    void theCacheGivesTheSameTableAndIsWrittenWhereTold() throws IOException {
        Path sample = Samples.jar(Samples.SAMPLE);
        String expected = Cli.run("scan", "--no-cache", sample).assertClean(ExitCode.OK.code()).out();
        Path cache = tmp.resolve("cache");
        assertEquals(expected, Cli.run("scan", "--cache", cache, sample).assertClean(ExitCode.OK.code()).out());
        assertEquals(2, files(cache).size(), "the jar's records and the program's table");
        assertEquals(expected, Cli.run("scan", "--cache", cache, "-q", sample).assertClean(ExitCode.OK.code()).out());
        assertEquals(expected, Cli.run("scan", "--quiet", "--no-cache", sample).assertClean(ExitCode.OK.code())
                .out());
    }

    @Test
    void withoutAnOptionTheCacheIsUnderXdgCacheHome() throws IOException {
        String xdg = System.getenv("XDG_CACHE_HOME");
        assumeTrue(xdg != null, "the build sets XDG_CACHE_HOME for the tests");
        Path copy = Files.copy(Samples.jar(Samples.SAMPLE), tmp.resolve("default-cache.jar"));
        Cli.run("scan", copy).assertClean(ExitCode.OK.code());
        Path cache = Path.of(xdg, "patchsite");
        assertTrue(Files.isDirectory(cache), cache + " made");
        int before = files(cache).size();
        Path other = Files.copy(copy, tmp.resolve("no-cache.jar"));
        Cli.run("scan", "--no-cache", other).assertClean(ExitCode.OK.code());
        assertEquals(before, files(cache).size(), "--no-cache writes nothing");
    }

    @Test
    void cacheAndNoCacheExcludeEachOther() {
        Cli.Result result = Cli.run("scan", "--cache", tmp, "--no-cache", Samples.jar(Samples.SAMPLE))
                .assertExit(ExitCode.USAGE.code());
        assertTrue(result.err().contains("--cache and --no-cache exclude each other"), result.err());
    }

    @Test
    void anEmptyCachePathIsAUsageError() {
        Cli.Result result = Cli.run("scan", "--cache", "", Samples.jar(Samples.SAMPLE))
                .assertExit(ExitCode.USAGE.code());
        assertTrue(result.err().contains("--cache needs a directory"), result.err());
    }

    @Test
    void aDamagedCacheIsAWarningAndTheTableIsTheSame() throws IOException {
        Path sample = Samples.jar(Samples.SAMPLE);
        Path cache = tmp.resolve("cache");
        String expected = Cli.run("scan", "--cache", cache, sample).assertClean(ExitCode.OK.code()).out();
        // The program's table, which a scan of the same jar reads first.
        Path file = files(cache).stream().filter(f -> f.getFileName().toString().startsWith("scan-table-"))
                .findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);

        Cli.Result result = Cli.run("scan", "--cache", cache, sample).assertExit(ExitCode.OK.code());
        assertEquals(expected, result.out());
        assertEquals(List.of("warning: scan cache " + file + ": damaged or truncated (its checksum does not match);"
                + " not used, and replaced by this scan's"), result.errLines());
        Cli.run("scan", "--cache", cache, sample).assertClean(ExitCode.OK.code());
    }

    @Test
    void linkVerifyAndExplainTakeTheCacheOptions() throws IOException {
        Path cache = tmp.resolve("cache");
        Path linked = tmp.resolve("linked.jar");
        Cli.run("link", "--cache", cache, Samples.jar(Samples.SAMPLE), "-o", linked).assertExit(ExitCode.OK.code());
        String verified = Cli.run("verify", "--no-cache", linked).assertClean(ExitCode.OK.code()).out();
        assertEquals(verified, Cli.run("verify", "--cache", cache, "-q", linked).assertClean(ExitCode.OK.code()).out());
        assertEquals(verified, Cli.run("verify", "--cache", cache, linked).assertClean(ExitCode.OK.code()).out());
        assertEquals(2, files(cache).stream().filter(f -> !f.getFileName().toString().startsWith("scan-table-"))
                .count(), "the sample and the linked jar");
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> list = files.sorted().toList();
            assertFalse(list.stream().anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary");
            return list;
        }
    }
}
