package dev.patchsite.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.PatchSite;
import org.junit.jupiter.api.Test;

/**
 * A group as a program sees it through {@link PatchSite}: bound at its first call, by the rules {@link SelectorTest}
 * checks, then sealed. Each test binds a group of its own ({@link TestGroups}): fast (probe holds, priority 10),
 * slow (probe holds, priority 20) and enabled (no probe, priority 100), unless the group's Javadoc says otherwise.
 */
class GroupBindingTest {

    @Test
    void selectByClassWinsOverThePropertyAndTheProbes() {
        withProperty(TestGroups.ByClass.class, "slow", () -> {
            PatchSite.select(TestGroups.ByClass.class, "fast");

            assertEquals("fast", TestGroups.call(TestGroups.ByClass.class));
        });
        assertEquals("fast", PatchSite.selected(TestGroups.ByClass.class));
        assertEquals(TestGroups.ByClass.class.getName() + " -> fast (selected by PatchSite.select); sites patched: 0,"
                + " sites bound: 0, trampolines bound: 1", reportLine(TestGroups.ByClass.class));
    }

    @Test
    void selectByNameSelectsTheGroupOfThatName() {
        PatchSite.select(TestGroups.ByName.class.getName(), "enabled");

        assertEquals("enabled", TestGroups.call(TestGroups.ByName.class));
    }

    @Test
    void selectByClassWinsOverSelectByName() {
        PatchSite.select(TestGroups.ClassOverName.class, "fast");
        PatchSite.select(TestGroups.ClassOverName.class.getName(), "enabled");

        assertEquals("fast", TestGroups.call(TestGroups.ClassOverName.class));
    }

    @Test
    void thePropertyWinsOverTheProbes() {
        withProperty(TestGroups.ByProperty.class, "fast",
                () -> assertEquals("fast", TestGroups.call(TestGroups.ByProperty.class)));

        assertTrue(reportLine(TestGroups.ByProperty.class).contains(" -> fast (selected by -Dpatchsite.select."
                + TestGroups.ByProperty.class.getName() + ")"), reportLine(TestGroups.ByProperty.class));
    }

    @Test
    void aPropertyNamingAnUnknownVariantFailsTheFirstCallAndLeavesTheGroupUnbound() {
        withProperty(TestGroups.BadProperty.class, "numa", () -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TestGroups.call(TestGroups.BadProperty.class));

            assertEquals("patchsite: unknown variant \"numa\" of group " + TestGroups.BadProperty.class.getName()
                    + " (selected by -Dpatchsite.select." + TestGroups.BadProperty.class.getName() + "); known"
                    + " variants: default, fast, slow, enabled", e.getMessage());
        });
        assertNull(PatchSite.selected(TestGroups.BadProperty.class));
        assertTrue(reportLine(TestGroups.BadProperty.class).contains(" -> (not bound); "),
                reportLine(TestGroups.BadProperty.class));
    }

    @Test
    void theHighestPriorityWhoseProbeHoldsWinsAndAVariantWithoutAProbeIsNotACandidate() {
        assertEquals("slow", TestGroups.call(TestGroups.ByProbe.class));
        assertTrue(reportLine(TestGroups.ByProbe.class).contains(" -> slow (probe " + TestGroups.Holds.class.getName()
                + " holds (priority 20)); "), reportLine(TestGroups.ByProbe.class));
    }

    @Test
    void withoutAProbeThatHoldsTheDefaultRuns() {
        assertEquals("default", TestGroups.call(TestGroups.ByDefault.class));
        assertEquals("default", PatchSite.selected(TestGroups.ByDefault.class));
    }

    @Test
    void aProbeThatCallsItsOwnGroupCountsAsFalseInsteadOfRecursing() {
        assertEquals("default", TestGroups.call(TestGroups.Reentrant.class));
        assertTrue(reportLine(TestGroups.Reentrant.class).contains("(no probe holds; fast: "
                + TestGroups.CallsItsGroup.class.getName() + " false (threw java.lang.IllegalStateException: patchsite:"
                + " a probe of group " + TestGroups.Reentrant.class.getName() + " calls a function of the group while"
                + " the group's variant is being selected))"), reportLine(TestGroups.Reentrant.class));
    }

    @Test
    void aBoundGroupIsSealed() {
        Class<?> group = TestGroups.Sealed.class;
        assertNull(PatchSite.selected(group));
        assertEquals("slow", TestGroups.call(group));

        IllegalStateException byClass = assertThrows(IllegalStateException.class,
                () -> PatchSite.select(group, "fast"));
        IllegalStateException byName = assertThrows(IllegalStateException.class,
                () -> PatchSite.select(group.getName(), "fast"));

        String expected = "patchsite: group " + group.getName() + " is already bound to slow (probe "
                + TestGroups.Holds.class.getName() + " holds (priority 20)); select a variant before the group's first"
                + " call";
        assertEquals(expected, byClass.getMessage());
        assertEquals(expected, byName.getMessage());
        assertEquals("slow", TestGroups.call(group));
        assertEquals("slow", PatchSite.selected(group));
        assertTrue(reportLine(group).endsWith("trampolines bound: 2"), reportLine(group));
    }

    @Test
    void selectingAnUnknownVariantFailsAtOnceAndSelectsNothing() {
        Class<?> group = TestGroups.Unknown.class;

        IllegalArgumentException byClass = assertThrows(IllegalArgumentException.class,
                () -> PatchSite.select(group, "numa"));
        IllegalArgumentException byName = assertThrows(IllegalArgumentException.class,
                () -> PatchSite.select(group.getName(), "numa"));

        assertEquals("patchsite: unknown variant \"numa\" of group " + group.getName() + " (PatchSite.select); known"
                + " variants: default, fast, slow, enabled", byClass.getMessage());
        assertEquals(byClass.getMessage(), byName.getMessage());
        assertEquals("slow", TestGroups.call(group));
    }

    @Test
    void selectedIsNullForAClassThatIsNoGroup() {
        assertNull(PatchSite.selected(String.class));
    }

    /** Returns the group's line of {@link PatchSite#report()}. */
    static String reportLine(Class<?> group) {
        String prefix = group.getName() + " -> ";
        for (String line : PatchSite.report()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("no report line for " + group.getName() + " in " + PatchSite.report());
    }

    /** Runs with {@code -Dpatchsite.select.<group>} set; the property is read when the group is bound. */
    private static void withProperty(Class<?> group, String variant, Runnable test) {
        String key = Selector.PROPERTY_PREFIX + group.getName();
        System.setProperty(key, variant);
        try {
            test.run();
        } finally {
            System.clearProperty(key);
        }
    }
}
