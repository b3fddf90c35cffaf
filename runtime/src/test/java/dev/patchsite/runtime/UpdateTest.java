package dev.patchsite.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.patchsite.PatchSite;
import org.junit.jupiter.api.Test;

/**
 * {@link PatchSite#update} re-points an updatable group while the program runs (the kernel's
 * {@code static_call_update}): calls after it run the new target, {@link PatchSite#selected} tells it, and the report
 * keeps the selection the group was bound with. Each test updates a group of its own ({@link TestGroups}); the one
 * that fails to update a group changes nothing.
 */
class UpdateTest {

    @Test
    void anUpdateRepointsABoundGroupAndBack() {
        Class<?> group = TestGroups.Tracepoint.class;
        assertEquals("default", TestGroups.call(group));

        PatchSite.update(group, "enabled");

        assertRuns(group, "enabled", "enabled (updated; selected default) (no variant has a probe); sites patched: 0,"
                + " sites bound: 0, trampolines bound: 2");

        PatchSite.update(group, "enabled");
        assertEquals("enabled", TestGroups.call(group));

        PatchSite.update(group, "default");

        assertRuns(group, "default", "default (no variant has a probe); sites patched: 0, sites bound: 0, trampolines"
                + " bound: 4");
    }

    @Test
    void anUpdateBeforeTheFirstCallIsTheSelection() {
        Class<?> group = TestGroups.UpdatedFirst.class;

        PatchSite.update(group, "enabled");

        assertEquals("enabled", PatchSite.selected(group), "before the group's first call");
        assertRuns(group, "enabled", "enabled (selected by PatchSite.update); sites patched: 0, sites bound: 0,"
                + " trampolines bound: 1");
    }

    @Test
    void aGroupWhoseFunctionsAreNotUpdatableRefusesAnUpdate() {
        Class<?> group = TestGroups.Fixed.class;
        assertEquals("default", TestGroups.call(group));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PatchSite.update(group, "enabled"));

        assertEquals("patchsite: group " + group.getName() + " cannot be updated: its functions"
                + " which()Ljava/lang/String; are not @RuntimeStatic(updatable = true)", e.getMessage());
        assertEquals("default", TestGroups.call(group));
        assertEquals("default", PatchSite.selected(group));
    }

    @Test
    void anUpdateToAnUnknownVariantFailsWithTheKnownNames() {
        Class<?> group = TestGroups.Tracepoint.class;

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PatchSite.update(group, "verbose"));

        assertEquals("patchsite: unknown variant \"verbose\" of group " + group.getName() + " (PatchSite.update); known"
                + " variants: default, enabled", e.getMessage());
    }

    /** Asserts that a call of the group runs the variant, that {@code selected} says so, and the group's report. */
    private static void assertRuns(Class<?> group, String variant, String report) {
        assertEquals(variant, TestGroups.call(group));
        assertEquals(variant, PatchSite.selected(group));
        assertEquals(group.getName() + " -> " + report, GroupBindingTest.reportLine(group));
    }
}
