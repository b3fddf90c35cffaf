package dev.patchsite.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.runtime.GroupInfo.FunctionInfo;
import dev.patchsite.runtime.GroupInfo.VariantInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the runtime asks a group's description when it binds and updates the group. Parsing and merging are
 * {@link GroupInfoParseTest}'s and {@link GroupInfoMergeTest}'s.
 */
class GroupInfoTest {

    private static final FunctionInfo SLOWPATH = new FunctionInfo("slowpath", "(I)V", false);
    private static final FunctionInfo RELEASE = new FunctionInfo("release", "()V", true);
    private static final VariantInfo NUMA = new VariantInfo("numa", "example.Numa", 10, "example.NumaProbe",
            List.of("slowpath(I)V"));
    private static final VariantInfo DEBUG = new VariantInfo("debug", "example.Debug", 0, null, List.of());

    @Test
    void findsFunctionsByNameAndDescriptor() {
        GroupInfo group = new GroupInfo("example.Lock", List.of(SLOWPATH, RELEASE), List.of());

        assertEquals(SLOWPATH, group.function("slowpath", "(I)V"));
        assertNull(group.function("slowpath", "(J)V"));
        assertNull(group.function("lock", "(I)V"));
    }

    @Test
    void aGroupIsUpdatableOnlyIfEveryFunctionIs() {
        assertFalse(new GroupInfo("example.Lock", List.of(SLOWPATH, RELEASE), List.of()).updatable());
        assertTrue(new GroupInfo("example.Events", List.of(RELEASE), List.of()).updatable());
        assertFalse(new GroupInfo("example.Empty", List.of(), List.of()).updatable(), "no function to update");
    }

    @Test
    void knownNamesStartWithTheDefaultInDescriptionOrder() {
        GroupInfo group = new GroupInfo("example.Lock", List.of(SLOWPATH), List.of(NUMA, DEBUG));

        assertEquals("default, numa, debug", group.knownNames());
        assertEquals("default", new GroupInfo("example.Lock", List.of(SLOWPATH), List.of()).knownNames());
        assertEquals(DEBUG, group.variant("debug"));
        assertNull(group.variant("default"), "the default is not a variant");
    }

    @Test
    void aVariantImplementsOnlyTheFunctionsItNames() {
        assertTrue(NUMA.implementsFunction("slowpath", "(I)V"));
        assertFalse(NUMA.implementsFunction("slowpath", "(J)V"));
        assertFalse(DEBUG.implementsFunction("slowpath", "(I)V"));
    }

    @Test
    void theDescriptionIsAValueCopy() {
        List<VariantInfo> variants = new ArrayList<>(List.of(NUMA));
        GroupInfo group = new GroupInfo("example.Lock", List.of(SLOWPATH), variants);

        variants.add(DEBUG);

        assertEquals(List.of(NUMA), group.variants());
    }
}
