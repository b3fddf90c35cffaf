package dev.patchsite.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.runtime.GroupInfo.FunctionInfo;
import dev.patchsite.runtime.GroupInfo.VariantInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The selection rules, first that applies: {@code PatchSite.select}; {@code -Dpatchsite.select.<group>}; the
 * highest-priority variant whose probe holds (ties by name, a probe that throws counts as false, a variant without
 * one is chosen only explicitly); the default. {@link GroupBindingTest} checks that a bound group follows them.
 */
class SelectorTest {

    private static final String HOLDS = TestGroups.Holds.class.getName();
    private static final String FAILS = TestGroups.Fails.class.getName();
    private static final String THROWS = TestGroups.Throws.class.getName();
    private static final ClassLoader LOADER = SelectorTest.class.getClassLoader();

    @Test
    void aProgrammaticSelectionWinsOverThePropertyAndTheProbes() {
        GroupInfo group = group(variant("fast", 10, HOLDS), variant("slow", 0, null));

        Selection made = Selector.select(group, LOADER, "slow", "fast");

        assertEquals("slow", made.variant());
        assertEquals("selected by PatchSite.select", made.reason());
        assertEquals(List.of(), made.probes());
    }

    @Test
    void thePropertyWinsOverTheProbesAndIsTrimmed() {
        GroupInfo group = group(variant("fast", 10, HOLDS), variant("slow", 0, null));

        Selection made = Selector.select(group, LOADER, null, " slow ");

        assertEquals("slow", made.variant());
        assertEquals("selected by -Dpatchsite.select.example.Lock", made.reason());
    }

    @Test
    void defaultCanBeSelectedExplicitly() {
        GroupInfo group = group(variant("fast", 10, HOLDS));

        assertTrue(Selector.select(group, LOADER, "default", null).isDefault());
        assertTrue(Selector.select(group, LOADER, null, "default").isDefault());
    }

    @Test
    void theHighestPriorityWhoseProbeHoldsWins() {
        GroupInfo group = group(variant("low", 1, HOLDS), variant("high", 30, FAILS), variant("middle", 20, HOLDS),
                variant("explicit", 99, null));

        Selection made = Selector.select(group, LOADER, null, null);

        assertEquals("middle", made.variant());
        assertEquals("probe " + HOLDS + " holds (priority 20)", made.reason());
        // Probes run in priority order until one holds; a variant without a probe is not a candidate.
        assertEquals(List.of("high: " + FAILS + " false", "middle: " + HOLDS + " true"), made.probes());
    }

    @Test
    void equalPrioritiesAreOrderedByName() {
        GroupInfo group = group(variant("zeta", 5, HOLDS), variant("alpha", 5, HOLDS));

        assertEquals("alpha", Selector.select(group, LOADER, null, null).variant());
    }

    @Test
    void aProbeThatThrowsCountsAsFalseAndIsReported() {
        GroupInfo group = group(variant("fast", 10, THROWS), variant("slow", 5, FAILS));

        Selection made = Selector.select(group, LOADER, null, null);

        assertTrue(made.isDefault());
        assertEquals("no probe holds; fast: " + THROWS + " false (threw java.lang.UnsupportedOperationException:"
                + " no such device)", made.reason());
    }

    @Test
    void aProbeThatCannotBeLoadedCountsAsFalse() {
        GroupInfo group = group(variant("fast", 10, "example.MissingProbe"));

        Selection made = Selector.select(group, LOADER, null, null);

        assertTrue(made.isDefault());
        assertEquals(List.of("fast: example.MissingProbe false (threw java.lang.ClassNotFoundException:"
                + " example.MissingProbe)"), made.probes());
    }

    @Test
    void withoutProbesTheDefaultIsSelectedAndTheReasonSaysWhy() {
        assertEquals("no variant has a probe", Selector.select(group(variant("enabled", 0, null)), LOADER, null, null)
                .reason());
        assertEquals("no variant has a probe", Selector.select(group(), LOADER, null, null).reason());
        assertEquals("no probe holds", Selector.select(group(variant("fast", 0, FAILS)), LOADER, null, null)
                .reason());
    }

    @Test
    void anUnknownNameFailsWithTheKnownNames() {
        GroupInfo group = group(variant("fast", 10, HOLDS), variant("slow", 0, null));

        IllegalArgumentException byCall = assertThrows(IllegalArgumentException.class,
                () -> Selector.select(group, LOADER, "numa", null));
        IllegalArgumentException byProperty = assertThrows(IllegalArgumentException.class,
                () -> Selector.select(group, LOADER, null, "numa"));

        assertEquals("patchsite: unknown variant \"numa\" of group example.Lock (selected by PatchSite.select);"
                + " known variants: default, fast, slow", byCall.getMessage());
        assertEquals("patchsite: unknown variant \"numa\" of group example.Lock (selected by"
                + " -Dpatchsite.select.example.Lock); known variants: default, fast, slow", byProperty.getMessage());
    }

    private static GroupInfo group(VariantInfo... variants) {
        return new GroupInfo("example.Lock", List.of(new FunctionInfo("slowpath", "(I)V", false)),
                List.of(variants));
    }

    private static VariantInfo variant(String name, int priority, String probe) {
        return new VariantInfo(name, "example." + name, priority, probe, List.of("slowpath(I)V"));
    }
}
