package dev.patchsite.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.PatchSite;
import org.junit.jupiter.api.Test;

/**
 * Where a trampoline without {@code invokedynamic} goes, as its holder's static initializer asks
 * {@link Trampolines#target}: the groups are {@link TestGroups}' {@code Held...}.
 */
class TrampolinesTest {

    @Test
    void theDefaultAndEachImplementingVariantHaveTheirCase() {
        assertEquals(Trampolines.DEFAULT, Trampolines.target("default", "fast slow", "slow"));
        assertEquals(Trampolines.FIRST_VARIANT, Trampolines.target("fast", "fast slow", "fast slow"));
        assertEquals(Trampolines.FIRST_VARIANT + 1, Trampolines.target("slow", "fast slow", "fast slow"));
        assertEquals(Trampolines.FIRST_VARIANT, Trampolines.target("slow", "fast slow", "slow"));
    }

    @Test
    void aKnownVariantThatDoesNotImplementTheFunctionMeansTheDefault() {
        assertEquals(Trampolines.DEFAULT, Trampolines.target("fast", "fast slow", "slow"));
        assertEquals(Trampolines.DEFAULT, Trampolines.target("fast", "fast", ""));
    }

    @Test
    void aVariantTheLinkDidNotKnowGoesThroughTheRuntime() {
        assertEquals(Trampolines.THROUGH_RUNTIME, Trampolines.target("enabled", "fast slow", "fast slow"));
        assertEquals(Trampolines.THROUGH_RUNTIME, Trampolines.target("fas", "fast slow", "fast slow"));
        assertEquals(Trampolines.THROUGH_RUNTIME, Trampolines.target("fast", "", ""));
    }

    @Test
    void bindingTheHolderBindsTheGroupAndCountsItsTrampolines() {
        assertEquals(Trampolines.FIRST_VARIANT + 1,
                Trampolines.target(TestGroups.Held.class, TrampolinesTest.class, "fast slow enabled", "fast slow"));

        assertEquals("slow", PatchSite.selected(TestGroups.Held.class));
        assertTrue(GroupBindingTest.reportLine(TestGroups.Held.class).endsWith(
                "; sites patched: 0, sites bound: 0, trampolines bound: 1"),
                GroupBindingTest.reportLine(TestGroups.Held.class));
    }

    @Test
    void aSelectionTheLinkDidNotKnowIsLeftToTheRuntimeAndNotCounted() {
        PatchSite.select(TestGroups.HeldElsewhere.class, "enabled");

        assertEquals(Trampolines.THROUGH_RUNTIME,
                Trampolines.target(TestGroups.HeldElsewhere.class, TrampolinesTest.class, "fast slow", "fast"));
        assertEquals("enabled", PatchSite.selected(TestGroups.HeldElsewhere.class));
        assertTrue(GroupBindingTest.reportLine(TestGroups.HeldElsewhere.class).endsWith("trampolines bound: 0"),
                GroupBindingTest.reportLine(TestGroups.HeldElsewhere.class));
    }

    @Test
    void aFailedBindingIsLeftToTheFirstCallThroughTheRuntime() {
        String property = Selector.PROPERTY_PREFIX + TestGroups.HeldBadProperty.class.getName();
        System.setProperty(property, "numa");
        try {
            assertEquals(Trampolines.THROUGH_RUNTIME, Trampolines.target(TestGroups.HeldBadProperty.class,
                    TrampolinesTest.class, "fast slow enabled", "fast"));
        } finally {
            System.clearProperty(property);
        }
        assertNull(PatchSite.selected(TestGroups.HeldBadProperty.class));
        assertEquals("slow", TestGroups.call(TestGroups.HeldBadProperty.class));
    }

    /**
     * An updatable function's trampoline target follows every update: a variant its link knew gets its case, one it
     * did not know sends the trampoline through the runtime (whose call site runs it).
     */
    @Test
    void anUpdatableFunctionsTargetFollowsEachUpdate() {
        Class<?> group = TestGroups.HeldUpdatable.class;
        TrampolineTarget target = new TrampolineTarget();

        Trampolines.bind(group, TrampolinesTest.class, target, "fast", "fast");

        assertEquals(Trampolines.DEFAULT, target.value);
        assertTrue(GroupBindingTest.reportLine(group).endsWith("trampolines bound: 1"),
                GroupBindingTest.reportLine(group));
        PatchSite.update(group, "fast");
        assertEquals(Trampolines.FIRST_VARIANT, target.value);
        PatchSite.update(group, "enabled");
        assertEquals(Trampolines.THROUGH_RUNTIME, target.value);
        assertEquals("enabled", TestGroups.call(group));
        PatchSite.update(group, "default");
        assertEquals(Trampolines.DEFAULT, target.value);
        assertEquals("default", TestGroups.call(group));
    }

    /** A target bound after an update starts at the updated variant, not at the selection the group was bound with. */
    @Test
    void aTargetBoundAfterAnUpdateStartsAtTheUpdatedVariant() {
        Class<?> group = TestGroups.HeldUpdatableLate.class;
        PatchSite.update(group, "enabled");
        PatchSite.update(group, "fast");
        TrampolineTarget target = new TrampolineTarget();

        Trampolines.bind(group, TrampolinesTest.class, target, "fast enabled", "enabled fast");

        assertEquals(Trampolines.FIRST_VARIANT + 1, target.value);
    }
}
