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

        assertEquals("enabled", TestGroups.call(group));
        assertEquals("enabled", PatchSite.selected(group));
        assertEquals(group.getName() + " -> enabled (updated; selected default) (no variant has a probe); sites"
                + " patched: 0, sites bound: 0, trampolines bound: 2", GroupBindingTest.reportLine(group));

        PatchSite.update(group, "enabled");
        assertEquals("enabled", TestGroups.call(group));

        PatchSite.update(group, "default");

        assertEquals("default", TestGroups.call(group));
        assertEquals("default", PatchSite.selected(group));
        assertEquals(group.getName() + " -> default (no variant has a probe); sites patched: 0, sites bound: 0,"
                + " trampolines bound: 4", GroupBindingTest.reportLine(group));
    }

    @Test
    void anUpdateBeforeTheFirstCallIsTheSelection() {
        Class<?> group = TestGroups.UpdatedFirst.class;

        PatchSite.update(group, "enabled");

        assertEquals("enabled", PatchSite.selected(group));
        assertEquals("enabled", TestGroups.call(group));
        assertEquals(group.getName() + " -> enabled (selected by PatchSite.update); sites patched: 0, sites bound: 0,"
                + " trampolines bound: 1", GroupBindingTest.reportLine(group));
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
}
