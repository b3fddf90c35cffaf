package dev.patchsite.testdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the sample programs are. The build writes them to {@code testdata/target/}, which tests find through the
 * system property {@value #DIR_PROPERTY} (set by the surefire configuration of the modules that use them). The samples
 * are not on any classpath: nothing a test loads declares functions unless it opens one of these jars.
 */
public final class Samples {

    /** The system property naming the directory of the sample jars ({@code testdata/target}). */
    public static final String DIR_PROPERTY = "patchsite.testdata";

    /** The library and app version 1: an executable, multi-release jar. */
    public static final String SAMPLE = "sample.jar";

    /** The library and app version 2: one site removed and one added (see sample-app-v2's {@code Worker}). */
    public static final String SAMPLE_V2 = "sample-v2.jar";

    /** The library alone: groups, variants, probes. */
    public static final String SAMPLE_LIB = "sample-lib.jar";

    /** The app version 1 alone (multi-release); with {@link #SAMPLE_LIB} it is {@link #SAMPLE}. */
    public static final String SAMPLE_APP = "sample-app.jar";

    /** {@code Stopwatch} and {@code CoarseClock}: a function in code you do not own (see {@link #clockDeclarations()}). */
    public static final String SAMPLE_CLOCK = "sample-clock.jar";

    /** The main class of {@link #SAMPLE}, {@link #SAMPLE_V2} and {@link #SAMPLE_APP}. */
    public static final String MAIN_CLASS = "dev.patchsite.sample.app.Main";

    /** The main class of {@link #SAMPLE_CLOCK}. */
    public static final String STOPWATCH_CLASS = "dev.patchsite.sample.clock.Stopwatch";

    private Samples() {
    }

    /**
     * Returns the directory of the sample jars.
     *
     * @return the value of {@value #DIR_PROPERTY}
     * @throws IllegalStateException if the property is not set or names no directory
     */
    public static Path dir() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || !Files.isDirectory(Paths.get(dir))) {
            throw new IllegalStateException("system property " + DIR_PROPERTY
                    + " must name testdata/target (the build writes the sample jars there), but is " + dir);
        }
        return Paths.get(dir);
    }

    /**
     * Returns one of the sample jars.
     *
     * @param name the jar's file name, e.g. {@link #SAMPLE}
     * @return its path in {@link #dir()}
     * @throws IllegalStateException if it does not exist
     */
    public static Path jar(String name) {
        Path jar = dir().resolve(name);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist; build testdata first (mvn package)");
        }
        return jar;
    }

    /**
     * Returns the declaration file that declares {@code java.lang.System.nanoTime()J} a function, for
     * {@link #SAMPLE_CLOCK}: {@code testdata/declarations/clock.decl}.
     *
     * @return its path
     */
    public static Path clockDeclarations() {
        return dir().toAbsolutePath().getParent().resolve("declarations").resolve("clock.decl");
    }
}
