package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanSettings;
import dev.patchsite.linker.ValidationException;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.runtime.PatchData;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tracepoint whose default does nothing, patched out while off and back in while on. Its two functions take
 * arguments that fit the patch-out ({@code hit(int, Object)}: {@code pop2 nop nop}) and arguments that do not
 * ({@code wide(long, long, long, int)}: four pops), whose sites stay direct calls of the empty body. Threads call both
 * while the main thread switches the tracepoint on and off: a call that ran while the tracepoint was stably on must
 * have recorded both events, one while it was off none. Then a class loaded while on records, and one loaded while
 * off does not. The same output is expected with the agent in each tier and on JDK 25 (all under
 * {@code -Xverify:all}), without the agent and in indy mode.
 */
class TracepointPatchOutTest {

    @TempDir
    static Path dir;

    private static Path boot;
    private static Path indy;

    private static final ForkedJava JAVA = ForkedJava.current().with("-Xverify:all");

    private static final String EXPECTED_OUT = """
            lost while on: 0
            recorded while off: 0
            checked while on: true
            checked while off: true
            a class loaded while on records: 2
            a class loaded while off records: 0
            """;

    @BeforeAll
    static void compileAndLink() throws Exception {
        Path jar = TracepointProgram.jar(dir, TracepointProgram.UPDATES);
        boot = dir.resolve("po-boot.jar");
        indy = dir.resolve("po-indy.jar");
        Linker.link(LinkRequest.of(jar, boot).withMode(LinkMode.BOOT));
        Linker.link(LinkRequest.of(jar, indy).withMode(LinkMode.INDY));
    }

    /**
     * The agent's patch data: the call of {@code hit} is patched out while off ({@code pop2 nop nop}); the call of
     * {@code wide} calls the empty body; both call {@code on}'s implementation while on.
     */
    @Test
    void theCallWhoseArgumentsFitIsPatchedOutTheOtherStaysADirectCall() throws IOException {
        PatchSiteTable table = LinkTestFiles.linkedTable(boot);
        assertEquals(9, table.sites().size(), table::toString);
        for (Site site : table.sites()) {
            assertEquals("patch", site.binding().label(), site::toString);
        }
        List<int[]> sites = sites(LinkTestFiles.entry(boot, "po/Sites.class"));
        assertEquals(2, sites.size());
        int[] hit = sites.get(0);
        int[] wide = sites.get(1);
        assertEquals(0, hit[0], "hit's default: patched out");
        assertEquals(0x580000, hit[2], "pop2 nop nop");
        assertNotEquals(0, hit[1], "hit's variant on: a call");
        assertNotEquals(0, wide[0], "wide's default: a call of the empty body");
        assertNotEquals(0, wide[1], "wide's variant on: a call");
    }

    /** {@code verify} refuses patch data whose patch-out is not the pops of the call's arguments. */
    @Test
    void verifyRefusesAPatchOutThatIsNotThePopsOfTheArguments() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(LinkTestFiles.entries(boot));
        entries.remove("META-INF/MANIFEST.MF");
        byte[] sites = entries.get("po/Sites.class").clone();
        int payload = (int) readInt(sites, sites.length - 8);
        int at = -1;
        for (int i = sites.length - 8 - payload; i + 2 < sites.length - 8; i++) {
            if (sites[i] == 0x58 && sites[i + 1] == 0 && sites[i + 2] == 0) {
                at = i;
            }
        }
        assertNotEquals(-1, at, "pop2 nop nop in the patch data");
        sites[at] = 0x57; // pop nop nop: one slot short
        entries.put("po/Sites.class", sites);
        Path tampered = LinkTestFiles.jar(entries, dir.resolve("po-tampered.jar"), "po.Main");

        ValidationException e = assertThrows(ValidationException.class,
                () -> Verifier.verify(tampered, ProgramFiles.of(tampered), ScanSettings.defaults()));

        assertEquals(1, e.problems().size(), e.problems()::toString);
        String problem = e.problems().get(0);
        assertTrue(problem.startsWith(tampered + "!/po/Sites.class: po.Trace.hit(ILjava/lang/Object;)V"
                + " po.Sites.fire(I)V #0 invoke "), problem);
        assertTrue(problem.endsWith(" bind=patch: bound patch but the class's patch data patches the call out with"
                + " other than the pops of its arguments"), problem);
        Verifier.verify(boot, ProgramFiles.of(boot), ScanSettings.defaults());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-XX:+TieredCompilation", "-Xint", "-XX:TieredStopAtLevel=1"})
    void withTheAgentTheTracepointIsPatchedOutAndInInEveryTier(String tier) {
        assertOutput(JAVA.with(tier).run("-jar", boot), 6);
    }

    @Test
    void withTheAgentOnJdk25() {
        assertOutput(Jvms.jdk25().run("-jar", boot), 6);
    }

    @Test
    void withoutTheAgentAndInIndyModeTheOutputIsTheSame() {
        assertOutput(JAVA.run("-cp", boot, "po.Main"), 0);
        assertOutput(JAVA.run("-jar", indy), 0);
    }

    /**
     * With {@code -Dpatchsite.verbose=true}, an update names the thread that loops in the method holding a site, which
     * keeps the old target (JVM TI); without it, nothing is said.
     */
    @Test
    void aVerboseUpdateNamesTheThreadLoopingInTheMethodThatHoldsASite() throws Exception {
        Path loop = dir.resolve("po-loop-boot.jar");
        Linker.link(LinkRequest.of(TracepointProgram.jar(dir, TracepointProgram.LOOP), loop).withMode(LinkMode.BOOT));

        ForkedJava.Result verbose = JAVA.with("-Dpatchsite.verbose=true").run("-jar", loop).assertExit(0);
        assertEquals("updated while looping\n", verbose.out(), verbose::describe);
        List<String> running = verbose.err().lines().filter(line -> line.contains(" is running ")).toList();
        assertEquals(List.of("patchsite: thread \"looper\" is running po.Loop.spin, which keeps the old target of"
                + " po.Trace (default) until it returns: a method activation already running when an update"
                + " retransforms its class keeps its code"), running, verbose::describe);

        ForkedJava.Result quiet = JAVA.run("-jar", loop).assertClean();
        assertEquals("updated while looping\n", quiet.out(), quiet::describe);
    }

    private static void assertOutput(ForkedJava.Result run, int patched) {
        run.assertClean();
        List<String> lines = run.out().lines().toList();
        assertEquals(7, lines.size(), run::describe);
        assertEquals(EXPECTED_OUT, String.join("\n", lines.subList(0, 6)) + "\n", run::describe);
        assertTrue(lines.get(6).startsWith("bound: sites patched: " + patched + ", "), run::describe);
    }

    /**
     * Reads a class's patch data ({@link PatchData}, version 2): per site, its default target, its first variant's
     * target and its patch-out instruction.
     */
    private static List<int[]> sites(byte[] classFile) throws IOException {
        int length = classFile.length;
        int payload = (int) readInt(classFile, length - 8);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile, length - 8 - payload, payload));
        assertEquals(PatchData.VERSION, in.readUnsignedByte());
        int groups = in.readUnsignedShort();
        for (int g = 0; g < groups; g++) {
            in.readUTF();
            for (int v = in.readUnsignedShort(); v > 0; v--) {
                in.readUTF();
            }
        }
        List<int[]> sites = new ArrayList<>();
        for (int s = in.readUnsignedShort(); s > 0; s--) {
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int fallback = in.readUnsignedShort();
            int first = -1;
            for (int o = in.readUnsignedShort(); o > 0; o--) {
                in.readUnsignedShort();
                int target = in.readUnsignedShort();
                first = first < 0 ? target : first;
            }
            int patchOut = in.readUnsignedByte() << 16 | in.readUnsignedByte() << 8 | in.readUnsignedByte();
            sites.add(new int[] {fallback, first, patchOut});
        }
        return sites;
    }

    private static long readInt(byte[] bytes, int at) {
        return (bytes[at] & 0xffL) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
                | bytes[at + 3] & 0xff;
    }
}
