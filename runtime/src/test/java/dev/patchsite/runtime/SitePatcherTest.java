package dev.patchsite.runtime;

import static dev.patchsite.runtime.PatchDataBytes.FIRST_CALL;
import static dev.patchsite.runtime.PatchDataBytes.FUNCTION_REF;
import static dev.patchsite.runtime.PatchDataBytes.SECOND_CALL;
import static dev.patchsite.runtime.PatchDataBytes.operand;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.PatchSite;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent's transformer on classes that end with patch data ({@link PatchDataBytes}): it writes into each site the
 * constant of the selected implementation, only where the expected call still is, and never fails a class load. Its
 * groups ({@link TestGroups}) have variants fast and slow, which the patch data numbers 0 and 1; {@code Patched}
 * selects fast, {@code PatchedDefault} nothing, {@code PatchedElsewhere} slow, which its patch data does not name.
 */
class SitePatcherTest {

    private static final String CALLER = "example/Caller";
    private static final int DEFAULT_REF = 8;
    private static final int FAST_REF = 9;
    private static final int SLOW_REF = 10;
    private static final int ENABLED_REF = 11;

    private final ClassLoader loader = SitePatcherTest.class.getClassLoader();

    @BeforeAll
    static void select() {
        PatchSite.select(TestGroups.Patched.class, "fast");
        PatchSite.select(TestGroups.PatchedElsewhere.class, "slow");
    }

    @Test
    void writesTheSelectedVariantIntoEverySiteAndCountsThem() {
        byte[] classFile = new PatchDataBytes().group(TestGroups.Patched.class.getName(), "fast", "slow")
                .site(FIRST_CALL, 0, DEFAULT_REF, 0, FAST_REF, 1, SLOW_REF)
                .site(SECOND_CALL, 0, DEFAULT_REF, 0, FAST_REF)
                .classFile();
        int before = patched(TestGroups.Patched.class);

        byte[] patched = transform(classFile);

        assertNotNull(patched);
        assertEquals(FAST_REF, operand(patched, FIRST_CALL));
        assertEquals(FAST_REF, operand(patched, SECOND_CALL));
        patched[FIRST_CALL + 2] = FUNCTION_REF;
        patched[SECOND_CALL + 2] = FUNCTION_REF;
        assertArrayEquals(classFile, patched, "only the operands change");
        assertEquals(before + 2, patched(TestGroups.Patched.class));
        assertEquals(FUNCTION_REF, operand(classFile, FIRST_CALL), "the class file given is not changed");
    }

    @Test
    void aSiteWithoutAnOptionForTheSelectionCallsTheDefaultBody() {
        byte[] classFile = new PatchDataBytes().group(TestGroups.Patched.class.getName(), "fast", "slow")
                .site(FIRST_CALL, 0, DEFAULT_REF, 1, SLOW_REF)
                .classFile();

        assertEquals(DEFAULT_REF, operand(transform(classFile), FIRST_CALL));
    }

    @Test
    void theDefaultSelectionCallsTheDefaultBody() {
        byte[] classFile = new PatchDataBytes().group(TestGroups.PatchedDefault.class.getName(), "fast", "slow")
                .site(FIRST_CALL, 0, DEFAULT_REF, 0, FAST_REF, 1, SLOW_REF)
                .classFile();

        assertEquals(DEFAULT_REF, operand(transform(classFile), FIRST_CALL));
        assertEquals("default", PatchSite.selected(TestGroups.PatchedDefault.class));
    }

    @Test
    void aSelectionTheClassesLinkDidNotKnowLeavesItsSitesOnTheTrampoline() {
        byte[] classFile = new PatchDataBytes()
                .group(TestGroups.PatchedElsewhere.class.getName(), "fast")
                .group(TestGroups.Patched.class.getName(), "fast", "slow")
                .site(FIRST_CALL, 0, DEFAULT_REF, 0, FAST_REF)
                .site(SECOND_CALL, 1, DEFAULT_REF, 0, FAST_REF)
                .classFile();

        byte[] patched = transform(classFile);

        assertEquals(FUNCTION_REF, operand(patched, FIRST_CALL));
        assertEquals(FAST_REF, operand(patched, SECOND_CALL));
        assertEquals(0, patched(TestGroups.PatchedElsewhere.class));
    }

    @Test
    void aSiteWhoseInstructionChangedIsLeftAndReported() {
        byte[] classFile = new PatchDataBytes().group(TestGroups.Patched.class.getName(), "fast", "slow")
                .site(FIRST_CALL + 1, 0, DEFAULT_REF, 0, FAST_REF)
                .site(SECOND_CALL, 0, DEFAULT_REF, 0, FAST_REF)
                .classFile();

        String err = stderr(() -> {
            byte[] patched = transform(classFile);
            assertEquals(FUNCTION_REF, operand(patched, FIRST_CALL));
            assertEquals(FAST_REF, operand(patched, SECOND_CALL));
            return null;
        });

        assertEquals("patchsite: " + CALLER + ": the instruction at offset " + (FIRST_CALL + 1) + " is not the"
                + " expected call; left on its trampoline\n", err);
    }

    @Test
    void anEmptyTargetPatchesTheCallOut() {
        byte[] popNopNop = {0x57, 0, 0};
        byte[] classFile = new PatchDataBytes().group(TestGroups.Patched.class.getName(), "fast", "slow")
                .site(popNopNop, FIRST_CALL, 0, DEFAULT_REF, 0, 0)
                .site(popNopNop, SECOND_CALL, 0, DEFAULT_REF, 1, SLOW_REF)
                .classFile();

        byte[] patched = transform(classFile);

        assertArrayEquals(popNopNop, Arrays.copyOfRange(patched, FIRST_CALL, FIRST_CALL + 3), "fast is empty");
        assertEquals(DEFAULT_REF, operand(patched, SECOND_CALL), "fast does not implement it: the default");
        assertEquals(PatchData.INVOKESTATIC, patched[SECOND_CALL] & 0xff);
    }

    /**
     * The transformer of sealed groups leaves the sites of updatable ones, which the retransforming one patches to
     * the group's target now: at load, and again, to the updated target, whenever the class is retransformed.
     */
    @Test
    void updatableSitesArePatchedByTheRetransformingTransformerToTheCurrentTarget() {
        byte[] classFile = new PatchDataBytes().group(TestGroups.Patched.class.getName(), "fast", "slow")
                .group(TestGroups.PatchedUpdatable.class.getName(), "enabled")
                .site(FIRST_CALL, 0, DEFAULT_REF, 0, FAST_REF)
                .site(new byte[] {0, 0, 0}, SECOND_CALL, 1, 0, 0, ENABLED_REF)
                .classFile();
        SitePatcher updatable = new SitePatcher(true);

        byte[] sealed = transform(classFile);
        assertEquals(FAST_REF, operand(sealed, FIRST_CALL));
        assertEquals(FUNCTION_REF, operand(sealed, SECOND_CALL), "left to the other transformer");

        byte[] loaded = updatable.transform(loader, CALLER, null, null, sealed);
        assertEquals(FAST_REF, operand(loaded, FIRST_CALL));
        assertArrayEquals(new byte[] {0, 0, 0}, Arrays.copyOfRange(loaded, SECOND_CALL, SECOND_CALL + 3),
                "the default does nothing: patched out");
        assertEquals(1, patched(TestGroups.PatchedUpdatable.class));

        PatchSite.update(TestGroups.PatchedUpdatable.class, "enabled");
        byte[] retransformed = updatable.transform(loader, CALLER, SitePatcherTest.class, null, sealed);

        assertEquals(ENABLED_REF, operand(retransformed, SECOND_CALL));
        assertEquals(PatchData.INVOKESTATIC, retransformed[SECOND_CALL] & 0xff);
        assertEquals(1, patched(TestGroups.PatchedUpdatable.class), "a site is counted once, when its class loads");
        assertNull(new SitePatcher(false).transform(loader, CALLER, SitePatcherTest.class, null, sealed),
                "the other transformer does not take part in retransformations");
    }

    @Test
    void classesWithoutPatchDataAndRedefinitionsAreNotTouched() {
        byte[] classFile = new PatchDataBytes().group(TestGroups.Patched.class.getName(), "fast")
                .site(FIRST_CALL, 0, DEFAULT_REF, 0, FAST_REF)
                .classFile();

        assertNull(transform(PatchDataBytes.CLASS_BODY));
        assertNull(new SitePatcher(false).transform(loader, CALLER, String.class, null, classFile));
        assertNull(new SitePatcher(false).transform(loader, CALLER, null, null, null));
    }

    @Test
    void patchDataOfAnotherVersionLeavesTheClassAndSaysWhy() {
        byte[] classFile = new PatchDataBytes().version(3).group(TestGroups.Patched.class.getName(), "fast")
                .site(FIRST_CALL, 0, DEFAULT_REF, 0, FAST_REF)
                .classFile();

        String err = stderr(() -> transform(classFile));

        assertEquals("patchsite: left the sites of " + CALLER + " on their trampolines:"
                + " java.lang.IllegalStateException: patch data of another version; relink with this patchsite\n", err);
    }

    @Test
    void patchDataThatLiesLeavesTheWholeClassAndCountsNothing() {
        int before = patched(TestGroups.Patched.class);
        byte[] badGroup = new PatchDataBytes().group(TestGroups.Patched.class.getName(), "fast")
                .site(FIRST_CALL, 0, DEFAULT_REF, 0, FAST_REF)
                .site(SECOND_CALL, 1, DEFAULT_REF, 0, FAST_REF)
                .classFile();
        byte[] badOffset = new PatchDataBytes().group(TestGroups.Patched.class.getName(), "fast")
                .site(FIRST_CALL, 0, DEFAULT_REF, 0, FAST_REF)
                .site(-1, 0, DEFAULT_REF, 0, FAST_REF)
                .classFile();
        byte[] truncated = new PatchDataBytes().group(TestGroups.Patched.class.getName(), "fast")
                .site(FIRST_CALL, 0, DEFAULT_REF, 0, FAST_REF)
                .missingSites(1)
                .classFile();

        byte[] notPops = new PatchDataBytes().group(TestGroups.Patched.class.getName(), "fast")
                .site(new byte[] {0x57, (byte) 0xbf, 0}, FIRST_CALL, 0, DEFAULT_REF, 0, 0)
                .classFile();

        for (byte[] classFile : new byte[][] {badGroup, badOffset, truncated, notPops}) {
            String err = stderr(() -> {
                assertNull(transform(classFile));
                return null;
            });
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.startsWith("patchsite: left the sites of " + CALLER + " on their trampolines: "),
                    err);
        }
        assertEquals(before, patched(TestGroups.Patched.class), "a class left alone has no patched sites");
    }

    private byte[] transform(byte[] classFile) {
        return new SitePatcher(false).transform(loader, CALLER, null, null, classFile);
    }

    private int patched(Class<?> group) {
        return Groups.get(group, loader).patched.get();
    }

    /** Returns what the action wrote to standard error, where the agent reports. */
    private static String stderr(Supplier<Object> action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.get();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
