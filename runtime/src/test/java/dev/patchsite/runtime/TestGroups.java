package dev.patchsite.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.BooleanSupplier;

/**
 * Groups, variants and probes for the runtime's tests, described for the runtime by
 * {@code src/test/resources/META-INF/patchsite/groups/dev.patchsite.runtime.TestGroups$<group>.group}.
 *
 * <p>The runtime keeps every group it binds for the life of the JVM, so each test binds groups of its own: a group
 * here serves one test class (its Javadoc says which), and tests never share a selection. Every function is
 * {@code which()}, which returns the name of the implementation that ran.
 */
final class TestGroups {

    /** The type of every function here. */
    static final MethodType WHICH = MethodType.methodType(String.class);

    private TestGroups() {
    }

    /**
     * Calls a group's function as a linked program's trampoline does: binds the group at the first call (through
     * {@link Bootstrap#trampoline}, the bootstrap method a trampoline names), then runs the implementation bound.
     *
     * @param group a group class of this file
     * @return the name of the implementation that ran
     */
    static String call(Class<?> group) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(group, MethodHandles.lookup());
            return (String) Bootstrap.trampoline(lookup, "which", WHICH).dynamicInvoker().invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    // Variants, shared by the groups: a variant class is what the descriptions name, whatever group they describe.

    static final class Fast {
        static String which() {
            return "fast";
        }
    }

    static final class Slow {
        static String which() {
            return "slow";
        }
    }

    static final class Enabled {
        static String which() {
            return "enabled";
        }
    }

    // Probes: public, with a public constructor, as @Variant's when requires.

    /** Holds. */
    public static final class Holds implements BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            return true;
        }
    }

    /** Does not hold. */
    public static final class Fails implements BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            return false;
        }
    }

    /** Throws. */
    public static final class Throws implements BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            throw new UnsupportedOperationException("no such device");
        }
    }

    /** Calls a function of its own group, {@link Reentrant}, while that group's variant is being selected. */
    public static final class CallsItsGroup implements BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            return call(Reentrant.class).equals("fast");
        }
    }

    // Groups of GroupBindingTest: fast (Holds, 10), slow (Holds, 20), enabled (no probe, 100) unless said otherwise.

    static final class ByClass {
        static String which() {
            return "default";
        }
    }

    static final class ByName {
        static String which() {
            return "default";
        }
    }

    static final class ClassOverName {
        static String which() {
            return "default";
        }
    }

    static final class ByProperty {
        static String which() {
            return "default";
        }
    }

    static final class BadProperty {
        static String which() {
            return "default";
        }
    }

    static final class ByProbe {
        static String which() {
            return "default";
        }
    }

    /** fast (Fails, 10), slow (Throws, 20), enabled (no probe, 100). */
    static final class ByDefault {
        static String which() {
            return "default";
        }
    }

    static final class Sealed {
        static String which() {
            return "default";
        }
    }

    static final class Unknown {
        static String which() {
            return "default";
        }
    }

    /** fast (CallsItsGroup, 10). */
    static final class Reentrant {
        static String which() {
            return "default";
        }
    }

    // Groups of UpdateTest: which() is updatable; variant enabled (no probe).

    static final class Tracepoint {
        static String which() {
            return "default";
        }
    }

    static final class UpdatedFirst {
        static String which() {
            return "default";
        }
    }

    /** Not updatable; variant enabled (no probe). */
    static final class Fixed {
        static String which() {
            return "default";
        }
    }

    // Groups of SitePatcherTest and SelectPropertiesTest: fast and slow without probes.

    static final class Patched {
        static String which() {
            return "default";
        }
    }

    static final class PatchedDefault {
        static String which() {
            return "default";
        }
    }

    static final class PatchedElsewhere {
        static String which() {
            return "default";
        }
    }

    /** Updatable; variant enabled (no probe). */
    static final class PatchedUpdatable {
        static String which() {
            return "default";
        }
    }

    static final class Forked {
        static String which() {
            return "default";
        }
    }

    // Groups of TrampolinesTest: fast (Holds, 10), slow (Holds, 20), enabled (no probe, 100); the updatable ones: fast
    // and enabled, no probes.

    static final class Held {
        static String which() {
            return "default";
        }
    }

    static final class HeldElsewhere {
        static String which() {
            return "default";
        }
    }

    static final class HeldBadProperty {
        static String which() {
            return "default";
        }
    }

    /** Updatable; fast and enabled without probes. */
    static final class HeldUpdatable {
        static String which() {
            return "default";
        }
    }

    /** Updatable; fast and enabled without probes. */
    static final class HeldUpdatableLate {
        static String which() {
            return "default";
        }
    }
}
