package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.LinkException;
import dev.patchsite.linker.Notice;
import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanSettings;
import dev.patchsite.linker.explain.Explainer;
import dev.patchsite.linker.explain.ProbedLink;
import dev.patchsite.linker.scan.TableSource;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.PatchSiteTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build's in-place link of the sample application against its library: skipped when nothing changed, and linked
 * again from the kept unlinked jar when the library or the configuration changed while the build kept the linked jar
 * (an incremental build that did not package it again). The relinked jar has the bytes of a link of the original jar
 * against the new inputs, so it runs as that link does (the differential tests cover that link). Selected by the
 * probes, it is linked static with what {@code explain} selects.
 */
class ArtifactLinkerTest {

    private static final Path TESTDATA = Path.of(System.getProperty("patchsite.testdata"));

    @TempDir
    Path dir;

    private Path app;
    private Path lib;
    private Path original;

    @BeforeEach
    void files() throws IOException {
        app = Files.copy(TESTDATA.resolve("sample-app.jar"),
                Files.createDirectories(dir.resolve("target")).resolve("app.jar"));
        original = Files.copy(app, dir.resolve("original.jar"));
        lib = Files.copy(TESTDATA.resolve("sample-lib.jar"), dir.resolve("lib.jar"));
    }

    private ArtifactLinkRequest request(LinkMode mode) {
        LinkRequest link = new LinkRequest(List.of(app), List.of(lib), List.of(app), mode, Map.of(), null, 1, false,
                true, PatchsiteLog.SILENT);
        Path state = dir.resolve("target/patchsite/link.fingerprint");
        return new ArtifactLinkRequest(link, state, "test", dir.resolve("target"), "rebuild",
                state.resolveSibling("link.unlinked.jar"));
    }

    /** Returns the bytes of a fresh link of the original jar against the library as it is now. */
    private byte[] freshLink(LinkMode mode) throws Exception {
        Path out = dir.resolve("fresh-" + mode.label() + ".jar");
        Files.deleteIfExists(out);
        Linker.link(new LinkRequest(List.of(original), List.of(lib), List.of(out), mode, Map.of(), null, 1, false,
                true, PatchsiteLog.SILENT));
        return Files.readAllBytes(out);
    }

    private static String text(ArtifactLinkResult result) {
        return result.notices().stream().map(Notice::text).reduce("", String::concat);
    }

    @Test
    void anUnchangedBuildIsUpToDateAndKeepsTheUnlinkedJar() throws Exception {
        assertEquals(ArtifactLinkResult.Status.LINKED, ArtifactLinker.link(request(LinkMode.BOOT)).status());
        assertTrue(TableSource.isLinked(app));
        assertArrayEquals(Files.readAllBytes(original),
                Files.readAllBytes(dir.resolve("target/patchsite/link.unlinked.jar")));

        ArtifactLinkResult again = ArtifactLinker.link(request(LinkMode.BOOT));
        assertEquals(ArtifactLinkResult.Status.UP_TO_DATE, again.status(), text(again));
        assertArrayEquals(freshLink(LinkMode.BOOT), Files.readAllBytes(app));
    }

    @Test
    void aChangedDependencyLinksTheKeptJarAgain() throws Exception {
        ArtifactLinker.link(request(LinkMode.BOOT));
        addEntry(lib, "extra.txt");

        ArtifactLinkResult result = ArtifactLinker.link(request(LinkMode.BOOT));

        assertEquals(ArtifactLinkResult.Status.LINKED, result.status());
        assertTrue(text(result).startsWith("patchsite: linked app.jar again, from patchsite/link.unlinked.jar (its"
                + " class path or configuration changed since it was linked) in boot mode: "), text(result));
        assertArrayEquals(freshLink(LinkMode.BOOT), Files.readAllBytes(app));
        assertEquals(ArtifactLinkResult.Status.UP_TO_DATE, ArtifactLinker.link(request(LinkMode.BOOT)).status());
    }

    /** Before the jar was kept, another mode was refused: the jar it was linked from was gone. */
    @Test
    void anotherModeLinksTheKeptJar() throws Exception {
        ArtifactLinker.link(request(LinkMode.BOOT));

        assertEquals(ArtifactLinkResult.Status.LINKED, ArtifactLinker.link(request(LinkMode.INDY)).status());
        assertArrayEquals(freshLink(LinkMode.INDY), Files.readAllBytes(app));
    }

    /** A jar packaged again by the build is linked as it is, and kept in place of the old one. */
    /**
     * The build's {@code selectByProbes}: the jar is linked static with the selections the probes make here (as
     * {@code explain} makes them on the unlinked program), then is up to date, its probes run again on the kept
     * unlinked jar; and it is refused in another mode, as the command line refuses it.
     */
    @Test
    void selectedByProbesTheJarIsLinkedStaticWithExplainsSelectionsThenUpToDate() throws Exception {
        Map<String, String> explained = new TreeMap<>();
        Explainer.selections(new ProgramFiles(List.of(original), List.of(lib), null),
                new ScanSettings(1, PatchsiteLog.SILENT), Map.of(), Explainer.DEFAULT_PROBE_TIMEOUT)
                .forEach((group, selected) -> explained.put(group, selected.variant()));
        assertEquals(2, explained.size(), explained.toString());

        ArtifactLinkResult linked = ProbedLink.link(request(LinkMode.STATIC), Explainer.DEFAULT_PROBE_TIMEOUT);
        assertEquals(ArtifactLinkResult.Status.LINKED, linked.status(), text(linked));
        explained.forEach((group, variant) -> assertTrue(text(linked).contains("patchsite: selected " + group + " -> "
                + variant + " ("), text(linked)));
        PatchSiteTable table = TableSource.linkedTable(app);
        assertEquals(LinkMode.STATIC, table.linkedMode());
        assertEquals(explained, table.linkedSelections());
        assertEquals(ArtifactLinkResult.Status.UP_TO_DATE,
                ProbedLink.link(request(LinkMode.STATIC), Explainer.DEFAULT_PROBE_TIMEOUT).status());

        LinkException boot = assertThrows(LinkException.class,
                () -> ProbedLink.link(request(LinkMode.BOOT), Explainer.DEFAULT_PROBE_TIMEOUT));
        assertTrue(boot.getMessage().contains("needs --mode static"), boot.getMessage());
    }

    @Test
    void aRepackagedJarIsLinkedAsItIs() throws Exception {
        ArtifactLinker.link(request(LinkMode.BOOT));
        Files.copy(original, app, StandardCopyOption.REPLACE_EXISTING);
        addEntry(app, "repackaged.txt");
        byte[] repackaged = Files.readAllBytes(app);

        ArtifactLinkResult result = ArtifactLinker.link(request(LinkMode.BOOT));

        assertTrue(text(result).startsWith("patchsite: linked app.jar in boot mode: "), text(result));
        assertArrayEquals(repackaged, Files.readAllBytes(dir.resolve("target/patchsite/link.unlinked.jar")));
    }

    /** Rewrites a jar with one more entry: another content, the same classes. */
    private static void addEntry(Path jar, String name) throws IOException {
        Path copy = jar.resolveSibling(jar.getFileName() + ".new");
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(copy);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(name));
            out.write(1);
            out.closeEntry();
        }
        Files.move(copy, jar, StandardCopyOption.REPLACE_EXISTING);
    }
}
