package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.RecordedLog;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.ScanSettings;
import dev.patchsite.linker.ValidationException;
import dev.patchsite.linker.internal.classfile.ClassBuffer;
import dev.patchsite.linker.internal.classfile.ClassLayout;
import dev.patchsite.linker.internal.classfile.ConstantPool;
import dev.patchsite.linker.scan.ClassSites;
import dev.patchsite.linker.scan.LocatedSite;
import dev.patchsite.linker.scan.Scanner;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code static} link patches out the calls of an empty {@code void} body it selects, as the boot agent does at
 * run time: the tracepoint program ({@link TracepointProgram}) linked with its tracepoint off has its calls of
 * {@code hit} replaced by {@code pop2 nop nop} (bound {@code out}), while its calls of {@code wide}, whose arguments do
 * not fit, stay direct calls of the empty body; linked with the tracepoint on, every call is a direct call of the
 * variant. The linked programs print what the unlinked program prints (off), and what the boot-linked program forced
 * to {@code on} prints (on), under {@code -Xverify:all} in every tier and on JDK 25. {@code verify} finds every site,
 * patched-out ones from the class's {@code PatchedOut} attribute, and refuses a class changed after linking.
 */
class StaticPatchOutTest {

    @TempDir
    static Path dir;

    private static Path unlinked;
    private static Path off;
    private static Path on;
    private static Path boot;

    private static final ForkedJava JAVA = ForkedJava.current().with("-Xverify:all");
    private static final String OFF_OUTPUT = "events: 0, counted: 1000\na class loaded late records: 0\n";
    private static final String ON_OUTPUT = "events: 3000, counted: 1000\na class loaded late records: 2\n";
    private static final String HIT = "po.Trace.hit(ILjava/lang/Object;)V";
    private static final String WIDE = "po.Trace.wide(JJJI)V";

    @BeforeAll
    static void link() throws Exception {
        unlinked = TracepointProgram.jar(dir, TracepointProgram.FIRE);
        off = dir.resolve("po-static-off.jar");
        on = dir.resolve("po-static-on.jar");
        boot = dir.resolve("po-boot.jar");
        Linker.link(LinkRequest.of(unlinked, off).withMode(LinkMode.STATIC));
        Linker.link(LinkRequest.of(unlinked, on).withMode(LinkMode.STATIC).withSelections(Map.of("po.Trace", "on")));
        Linker.link(LinkRequest.of(unlinked, boot).withMode(LinkMode.BOOT));
    }

    @Test
    void theCallsWhoseArgumentsFitArePatchedOutTheOthersStayDirectCalls() throws IOException {
        Map<String, String> bindings = new TreeMap<>();
        for (Site site : LinkTestFiles.linkedTable(off).sites()) {
            bindings.put(site.caller().owner() + " " + site.functionId(), site.binding().label());
        }
        assertEquals(Map.of("po/LateOff " + HIT, "out", "po/LateOff " + WIDE, "direct",
                "po/LateOn " + HIT, "out", "po/LateOn " + WIDE, "direct", "po/Loop " + HIT, "out",
                "po/Counter " + HIT, "out", "po/Fire po.Counter.count(I)I", "direct",
                "po/Sites " + HIT, "out", "po/Sites " + WIDE, "direct"), bindings);
        for (Site site : LinkTestFiles.linkedTable(on).sites()) {
            assertEquals("direct", site.binding().label(), site::toString);
        }

        byte[] sites = LinkTestFiles.entry(off, "po/Sites.class");
        List<LocatedSite> located = ClassSites.locate(sites, LinkTestFiles.linkedTable(off).functions(), 0);
        assertEquals(2, located.size(), located::toString);
        assertArrayEquals(new byte[] {0x58, 0, 0}, Arrays.copyOfRange(sites, located.get(0).instruction(),
                located.get(0).instruction() + 3), "hit: pop2 nop nop");
        assertEquals(0xb8, sites[located.get(1).instruction()] & 0xff, "wide: still an invokestatic");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-XX:+TieredCompilation", "-Xint", "-XX:TieredStopAtLevel=1"})
    void offItPrintsWhatTheUnlinkedProgramPrintsOnWhatTheBootProgramForcedOnPrints(String tier) {
        ForkedJava java = JAVA.with(tier);
        assertEquals(OFF_OUTPUT, java.run("-jar", unlinked).assertClean().out());
        assertEquals(OFF_OUTPUT, java.run("-jar", off).assertClean().out());
        assertEquals(ON_OUTPUT, java.with("-Dpatchsite.select.po.Trace=on").run("-jar", boot).assertClean().out());
        assertEquals(ON_OUTPUT, java.run("-jar", on).assertClean().out());
    }

    @Test
    void onJdk25() {
        ForkedJava java = Jvms.jdk25();
        assertEquals(OFF_OUTPUT, java.run("-jar", off).assertClean().out());
        assertEquals(ON_OUTPUT, java.run("-jar", on).assertClean().out());
    }

    /**
     * The program as it ships in two jars: the tracepoint's group in {@code lib.jar}, its callers in {@code app.jar}
     * (whose {@code Class-Path} names the library). Linked together, the calls are patched out as in one jar; linked
     * one by one, the callers' link only reads the library, whose body could change without a relink, so they stay
     * direct calls. Both run as the unlinked program does, on JDK 17 and 25 under {@code -Xverify:all}, and verify.
     */
    @Test
    void twoJarsLinkedTogetherOrOneByOneRunAsTheUnlinkedProgram() throws Exception {
        Map<String, byte[]> lib = new TreeMap<>();
        Map<String, byte[]> app = new TreeMap<>();
        LinkTestFiles.entries(unlinked).forEach((name, bytes) -> {
            if (name.startsWith("po/Trace")) {
                lib.put(name, bytes);
            } else if (name.endsWith(".class")) {
                app.put(name, bytes);
            }
        });
        Path libJar = LinkTestFiles.jar(lib, dir.resolve("split/lib.jar"), null);
        Path appJar = LinkTestFiles.jar(app, dir.resolve("split/app.jar"), TracepointProgram.FIRE, "lib.jar");
        assertEquals(OFF_OUTPUT, JAVA.run("-jar", appJar).assertClean().out());

        Path together = Files.createDirectories(dir.resolve("split/together"));
        Linker.link(staticLink(List.of(appJar, libJar), List.of(), together.resolve("app.jar"),
                together.resolve("lib.jar")));
        Path alone = Files.createDirectories(dir.resolve("split/alone"));
        Linker.link(staticLink(List.of(libJar), List.of(), alone.resolve("lib.jar")));
        Linker.link(staticLink(List.of(appJar), List.of(libJar), alone.resolve("app.jar")));

        Map<Path, String> expected = Map.of(together, "out", alone, "direct");
        for (Map.Entry<Path, String> linked : expected.entrySet()) {
            Path linkedApp = linked.getKey().resolve("app.jar");
            for (Site site : LinkTestFiles.linkedTable(linkedApp).sites()) {
                if (site.functionId().equals(HIT)) {
                    assertEquals(linked.getValue(), site.binding().label(), site::toString);
                }
            }
            assertEquals(OFF_OUTPUT, JAVA.run("-jar", linkedApp).assertClean().out(), linkedApp::toString);
            ForkedJava.jdk25().ifPresent(jdk25 -> assertEquals(OFF_OUTPUT, jdk25.with("-Xverify:all")
                    .run("-jar", linkedApp).assertClean().out(), linkedApp::toString));
            Verifier.verify(linkedApp, ProgramFiles.of(linkedApp)
                    .withClasspath(List.of(linked.getKey().resolve("lib.jar"))), ScanSettings.defaults());
        }
    }

    private static LinkRequest staticLink(List<Path> inputs, List<Path> classpath, Path... outputs) {
        return new LinkRequest(inputs, classpath, List.of(outputs), LinkMode.STATIC, Map.of(), null, 2, false, true,
                new RecordedLog());
    }

    @Test
    void verifyFindsEverySiteAndAScanReadsThePatchedOutCallsAsTheCallsTheyWere() throws Exception {
        Verifier.verify(off, ProgramFiles.of(off), ScanSettings.defaults());
        Verifier.verify(on, ProgramFiles.of(on), ScanSettings.defaults());
        PatchSiteTable program = Scanner.scan(ScanRequest.of(ProgramFiles.of(unlinked), ScanSettings.defaults()));
        PatchSiteTable scannedLinked = Scanner.scan(ScanRequest.of(ProgramFiles.of(off), ScanSettings.defaults()));
        assertEquals(program.sites().stream().map(Site::key).toList(),
                scannedLinked.sites().stream().map(Site::key).toList());
    }

    @Test
    void linkingIsDeterministicAndLinkingTheLinkedJarChangesNothing() throws Exception {
        Path again = dir.resolve("po-static-off-again.jar");
        Linker.link(LinkRequest.of(unlinked, again).withMode(LinkMode.STATIC));
        assertArrayEquals(Files.readAllBytes(off), Files.readAllBytes(again));
        Path relinked = dir.resolve("po-static-off-relinked.jar");
        assertNull(Linker.link(LinkRequest.of(off, relinked).withMode(LinkMode.STATIC)));
        assertArrayEquals(Files.readAllBytes(off), Files.readAllBytes(relinked));
    }

    /** The patched-out call put back as it was, without the record of it: a call the table says is patched out. */
    @Test
    void verifyRefusesACallPutBack() throws Exception {
        byte[] sites = LinkTestFiles.entry(off, "po/Sites.class");
        LocatedSite hit = ClassSites.locate(sites, LinkTestFiles.linkedTable(off).functions(), 0).get(0);
        byte[] restored = withoutPatchedOut(sites);
        restored[hit.instruction()] = (byte) 0xb8;
        restored[hit.instruction() + 1] = (byte) (hit.constant() >> 8);
        restored[hit.instruction() + 2] = (byte) hit.constant();

        assertEquals(List.of(problem("bound out but the call was not patched out")), problems(restored));
    }

    /**
     * The record kept, the bytes made a call of something else: the record is not believed, and the class is refused
     * as malformed (exit 3), as a scan refuses it.
     */
    @Test
    void verifyRefusesARecordOfACallThatIsNotPatchedOut() throws Exception {
        byte[] sites = LinkTestFiles.entry(off, "po/Sites.class");
        List<LocatedSite> located = ClassSites.locate(sites, LinkTestFiles.linkedTable(off).functions(), 0);
        byte[] changed = sites.clone();
        int at = located.get(0).instruction();
        // A call of what the other site calls: wide's empty body.
        System.arraycopy(sites, located.get(1).instruction(), changed, at, 3);
        Path tampered = tampered(changed);

        InputException e = assertThrows(InputException.class,
                () -> Verifier.verify(tampered, ProgramFiles.of(tampered), ScanSettings.defaults()));

        assertTrue(e.getMessage().startsWith(tampered + "!/po/Sites.class: malformed class file: method fire(I)V:"
                + " the PatchedOut attribute says a call of " + HIT + " was patched out at offset "), e::getMessage);
    }

    /** The record removed: the site is nowhere in the bytecode. */
    @Test
    void verifyRefusesAPatchedOutCallWithoutItsRecord() throws Exception {
        byte[] sites = withoutPatchedOut(LinkTestFiles.entry(off, "po/Sites.class"));

        assertEquals(List.of(problem("not in the bytecode")), problems(sites));
    }

    private static String problem(String what) throws IOException {
        Site hit = LinkTestFiles.linkedTable(off).sites().stream()
                .filter(site -> site.caller().owner().equals("po/Sites") && site.functionId().equals(HIT))
                .findFirst().orElseThrow();
        String line = dev.patchsite.linker.table.TableWriter.siteLine(hit).substring("site ".length());
        Path tampered = dir.resolve("po-tampered.jar");
        return what.equals("not in the bytecode") ? tampered + ": " + line + ": " + what
                : tampered + "!/po/Sites.class: " + line + ": " + what;
    }

    /** Returns the problems {@code verify} finds in the static jar with its {@code Sites} class replaced. */
    private static List<String> problems(byte[] sites) throws IOException {
        Path tampered = tampered(sites);
        ValidationException e = assertThrows(ValidationException.class,
                () -> Verifier.verify(tampered, ProgramFiles.of(tampered), ScanSettings.defaults()));
        return e.problems();
    }

    /** Writes the static jar with its {@code Sites} class replaced. */
    private static Path tampered(byte[] sites) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(LinkTestFiles.entries(off));
        entries.remove("META-INF/MANIFEST.MF");
        entries.put("po/Sites.class", sites);
        return LinkTestFiles.jar(entries, dir.resolve("po-tampered.jar"), TracepointProgram.FIRE);
    }

    /** Returns a class without its last attribute, the {@code PatchedOut} attribute a link edits in place. */
    private static byte[] withoutPatchedOut(byte[] classFile) throws IOException {
        ClassBuffer buffer = new ClassBuffer();
        buffer.start(classFile);
        ConstantPool pool = ConstantPool.read(buffer);
        int count = ClassLayout.read(buffer, pool.end()).attributes();
        int last = count + 2;
        for (int a = buffer.u2(count); a > 1; a--) {
            last += 6 + buffer.s4(last + 2);
        }
        assertEquals("PatchedOut", pool.utf8(buffer.u2(last)));
        byte[] without = Arrays.copyOf(classFile, last);
        without[count + 1]--;
        return without;
    }
}
