package dev.patchsite.linker.link;

import java.util.List;

/**
 * The exact standard output of {@code dev.patchsite.sample.app.Main} on Java 11 and later for each forced selection,
 * as {@code testdata/README.md} states it ("Output contract"): the unlinked program prints {@link #DEFAULT}, and a
 * linked one prints the text of its selection in every mode.
 */
final class SampleOutput {

    static final String SPIN_LOCK = "dev.patchsite.sample.lock.SpinLock";
    static final String LOCK_EVENTS = "dev.patchsite.sample.trace.LockEvents";
    static final String MAIN = "dev.patchsite.sample.app.Main";

    /** Every path runs the default: the unlinked program, or {@code SpinLock=default LockEvents=default}. */
    static final String DEFAULT = """
            patchsite sample
            direct slowpath -> default
            direct unlock -> default
            method-ref slowpath -> default
            method-ref unlock -> default
            method-ref contendedRelease -> default
            lambda slowpath -> default
            lambda unlock -> default
            interface unlock -> default
            interface contendedRelease -> default
            paravirt unlock super-call -> default
            contended slowpath -> default
            contended unlock -> default
            tracepoint contendedRelease -> default
            trace events = 0
            multi-release clock (release 11) slowpath -> default
            multi-release clock (release 11) unlock -> default
            counter = 80000
            seen: contendedRelease=default slowpath=default unlock=default
            """;

    /** {@code SpinLock=numa LockEvents=default}: every slowpath runs numa. */
    static final String NUMA = """
            patchsite sample
            direct slowpath -> numa
            direct unlock -> default
            method-ref slowpath -> numa
            method-ref unlock -> default
            method-ref contendedRelease -> default
            lambda slowpath -> numa
            lambda unlock -> default
            interface unlock -> default
            interface contendedRelease -> default
            paravirt unlock super-call -> default
            contended slowpath -> numa
            contended unlock -> default
            tracepoint contendedRelease -> default
            trace events = 0
            multi-release clock (release 11) slowpath -> numa
            multi-release clock (release 11) unlock -> default
            counter = 80000
            seen: contendedRelease=default slowpath=numa unlock=default
            """;

    /** {@code SpinLock=paravirt LockEvents=default}: every slowpath runs paravirt, every unlock paravirt then its super-call. */
    static final String PARAVIRT = """
            patchsite sample
            direct slowpath -> paravirt
            direct unlock -> paravirt,default
            method-ref slowpath -> paravirt
            method-ref unlock -> paravirt,default
            method-ref contendedRelease -> default
            lambda slowpath -> paravirt
            lambda unlock -> paravirt,default
            interface unlock -> paravirt,default
            interface contendedRelease -> default
            paravirt unlock super-call -> paravirt,default
            contended slowpath -> paravirt
            contended unlock -> paravirt,default
            tracepoint contendedRelease -> default
            trace events = 0
            multi-release clock (release 11) slowpath -> paravirt
            multi-release clock (release 11) unlock -> paravirt,default
            counter = 80000
            seen: contendedRelease=default slowpath=paravirt unlock=default,paravirt
            """;

    /** {@code SpinLock=default LockEvents=enabled}: the three contendedRelease paths run enabled and record 3 events. */
    static final String ENABLED = """
            patchsite sample
            direct slowpath -> default
            direct unlock -> default
            method-ref slowpath -> default
            method-ref unlock -> default
            method-ref contendedRelease -> enabled
            lambda slowpath -> default
            lambda unlock -> default
            interface unlock -> default
            interface contendedRelease -> enabled
            paravirt unlock super-call -> default
            contended slowpath -> default
            contended unlock -> default
            tracepoint contendedRelease -> enabled
            trace events = 3
            multi-release clock (release 11) slowpath -> default
            multi-release clock (release 11) unlock -> default
            counter = 80000
            seen: contendedRelease=enabled slowpath=default unlock=default
            """;

    /** {@code SpinLock=numa LockEvents=enabled}. */
    static final String NUMA_ENABLED = """
            patchsite sample
            direct slowpath -> numa
            direct unlock -> default
            method-ref slowpath -> numa
            method-ref unlock -> default
            method-ref contendedRelease -> enabled
            lambda slowpath -> numa
            lambda unlock -> default
            interface unlock -> default
            interface contendedRelease -> enabled
            paravirt unlock super-call -> default
            contended slowpath -> numa
            contended unlock -> default
            tracepoint contendedRelease -> enabled
            trace events = 3
            multi-release clock (release 11) slowpath -> numa
            multi-release clock (release 11) unlock -> default
            counter = 80000
            seen: contendedRelease=enabled slowpath=numa unlock=default
            """;

    /** {@code SpinLock=paravirt LockEvents=enabled}. */
    static final String PARAVIRT_ENABLED = """
            patchsite sample
            direct slowpath -> paravirt
            direct unlock -> paravirt,default
            method-ref slowpath -> paravirt
            method-ref unlock -> paravirt,default
            method-ref contendedRelease -> enabled
            lambda slowpath -> paravirt
            lambda unlock -> paravirt,default
            interface unlock -> paravirt,default
            interface contendedRelease -> enabled
            paravirt unlock super-call -> paravirt,default
            contended slowpath -> paravirt
            contended unlock -> paravirt,default
            tracepoint contendedRelease -> enabled
            trace events = 3
            multi-release clock (release 11) slowpath -> paravirt
            multi-release clock (release 11) unlock -> paravirt,default
            counter = 80000
            seen: contendedRelease=enabled slowpath=paravirt unlock=default,paravirt
            """;

    /**
     * One forced selection and the output it must produce.
     *
     * @param spinLock the variant of {@code SpinLock}
     * @param lockEvents the variant of {@code LockEvents}
     * @param expected the exact standard output
     */
    record Selection(String spinLock, String lockEvents, String expected) {

        /** Returns the system properties that force this selection at run time. */
        List<String> properties() {
            return List.of("-Dpatchsite.select." + SPIN_LOCK + "=" + spinLock,
                    "-Dpatchsite.select." + LOCK_EVENTS + "=" + lockEvents);
        }

        @Override
        public String toString() {
            return "SpinLock=" + spinLock + " LockEvents=" + lockEvents;
        }
    }

    /** Every selection of {@code SpinLock} (default, numa, paravirt) times {@code LockEvents} (default, enabled). */
    static final List<Selection> ALL = List.of(
            new Selection("default", "default", DEFAULT),
            new Selection("default", "enabled", ENABLED),
            new Selection("numa", "default", NUMA),
            new Selection("numa", "enabled", NUMA_ENABLED),
            new Selection("paravirt", "default", PARAVIRT),
            new Selection("paravirt", "enabled", PARAVIRT_ENABLED));

    private SampleOutput() {
    }
}
