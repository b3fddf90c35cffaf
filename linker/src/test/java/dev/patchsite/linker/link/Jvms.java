package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The two JDKs the tests of many artifacts run linked programs on, with the options every such run has:
 * {@code -Xverify:all} (invariant 2), and one C1 compiler thread, the serial collector and no performance data file,
 * which halve the processor time of a short program (measured: 0.5 s instead of 1 s for the sample) without changing
 * what it does.
 */
final class Jvms {

    private static final String[] OPTIONS = {"-Xverify:all", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
        "-XX:+UseSerialGC", "-XX:-UsePerfData"};

    /** The JDK that runs the tests (17 in CI). */
    static final ForkedJava JDK17 = ForkedJava.current().with(OPTIONS);

    private static final Optional<ForkedJava> JDK25 = ForkedJava.jdk25().map(java -> java.with(OPTIONS));

    private Jvms() {
    }

    /**
     * Returns Temurin 25 with the common options; the calling test is skipped (not failed) where the machine has
     * none.
     */
    static ForkedJava jdk25() {
        assumeTrue(JDK25.isPresent(), "no JDK 25 at " + ForkedJava.JDK25_PROPERTY);
        return JDK25.get();
    }

    /** Joins jars and directories into one class path, in the order given. */
    static String classPath(Path... entries) {
        return Arrays.stream(entries).map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
