package dev.patchsite.linker.scan;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles small Java sources at test time with the in-process compiler, against the patchsite annotations, so a
 * test can state the program it scans next to what it expects.
 *
 * <pre>{@code
 * Path classes = JavaSources.compile(tempDir, Map.of("p.Group", """
 *         package p;
 *         public class Group { @dev.patchsite.RuntimeStatic public static void work() {} }
 *         """));
 * }</pre>
 *
 * <p>The annotations are found, in this order, in the directory or jar named by the system property
 * {@value #RUNTIME_PROPERTY}, or in {@code runtime/target/classes} of the first directory, walking up from the
 * working directory (surefire's is {@code linker/}), that has one. The runtime module is built before the linker in
 * the reactor, so the directory exists whenever the linker's tests run. The annotation classes found there are copied
 * once to a directory of this JVM's own, so a build of the runtime that runs at the same time (and recompiles its
 * {@code target/classes}) cannot take them away halfway through the tests.
 */
public final class JavaSources {

    /** The system property that may name the runtime's classes (a directory or jar) explicitly. */
    static final String RUNTIME_PROPERTY = "patchsite.runtime.classes";

    private static final String MARKER = "dev/patchsite/RuntimeStatic.class";

    private static Path runtime;

    private JavaSources() {
    }

    /**
     * Compiles sources into {@code root/classes}; the sources themselves are written to {@code root/src}, so the
     * classes directory holds class files only and can be scanned as an input.
     *
     * @param root a directory of the test's own, e.g. a {@code @TempDir}
     * @param sources the source text by binary class name, e.g. {@code p.Group}; each becomes {@code p/Group.java}
     * @param classpath further directories or jars to compile against, after the runtime annotations
     * @return the classes directory
     * @throws AssertionError if the sources do not compile; the message holds javac's diagnostics
     */
    public static Path compile(Path root, Map<String, String> sources, Path... classpath) {
        return compileTo(root.resolve("classes"), root.resolve("src"), sources, classpath);
    }

    /**
     * Compiles sources into a classes directory, replacing class files of the same names. Compiling a second round
     * into the same directory is how a test makes classes that javac would never produce together, e.g. a probe
     * that no longer implements {@code BooleanSupplier} after its variant was compiled against it.
     *
     * @param classes the output directory, created if needed; also on the classpath
     * @param sourceRoot where to write the sources, created if needed
     * @param sources the source text by binary class name
     * @param classpath further directories or jars to compile against
     * @return {@code classes}
     * @throws AssertionError if the sources do not compile
     */
    public static Path compileTo(Path classes, Path sourceRoot, Map<String, String> sources, Path... classpath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new AssertionError("no system Java compiler; run the tests on a JDK, not a JRE");
        }
        try {
            Files.createDirectories(classes);
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
                files.add(file);
            }
            StringJoiner path = new StringJoiner(java.io.File.pathSeparator);
            path.add(runtimeClasses().toString());
            path.add(classes.toString());
            for (Path entry : classpath) {
                path.add(entry.toString());
            }
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            StringWriter out = new StringWriter();
            try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                    StandardCharsets.UTF_8)) {
                boolean ok = javac.getTask(out, fileManager, diagnostics,
                        List.of("-d", classes.toString(), "-classpath", path.toString(), "-encoding", "UTF-8",
                                "-g", "-proc:none", "-Xlint:none"),
                        null, fileManager.getJavaFileObjectsFromPaths(files)).call();
                if (!ok) {
                    StringBuilder message = new StringBuilder("test sources do not compile:");
                    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                        message.append(System.lineSeparator()).append(diagnostic);
                    }
                    throw new AssertionError(message.append(out).toString());
                }
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the directory or jar that holds the patchsite annotations.
     *
     * @return the runtime's classes
     * @throws AssertionError if they cannot be found
     */
    static synchronized Path runtimeClasses() {
        if (runtime == null) {
            runtime = snapshot(findRuntime());
        }
        return runtime;
    }

    /** Copies the classes of package {@code dev.patchsite} (the annotations, not the runtime's own packages). */
    private static Path snapshot(Path found) {
        if (Files.isRegularFile(found)) {
            return found;
        }
        try {
            Path copy = Files.createTempDirectory("patchsite-annotations");
            Path target = Files.createDirectories(copy.resolve("dev/patchsite"));
            List<Path> classes;
            try (Stream<Path> files = Files.list(found.resolve("dev/patchsite"))) {
                classes = files.filter(f -> f.getFileName().toString().endsWith(".class")).toList();
            }
            for (Path file : classes) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
            if (!Files.isRegularFile(copy.resolve(MARKER))) {
                throw new AssertionError(found + " lost " + MARKER + " while it was copied; is the runtime being"
                        + " rebuilt? Run the tests again");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(copy)));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the annotations of " + found, e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind
        }
    }

    private static Path findRuntime() {
        String property = System.getProperty(RUNTIME_PROPERTY);
        if (property != null && !property.isBlank()) {
            Path given = Paths.get(property).toAbsolutePath();
            if (Files.isRegularFile(given) || Files.isRegularFile(given.resolve(MARKER))) {
                return given;
            }
            throw new AssertionError(RUNTIME_PROPERTY + "=" + property + " holds no " + MARKER);
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("runtime/target/classes");
            if (Files.isRegularFile(candidate.resolve(MARKER))) {
                return candidate;
            }
        }
        throw new AssertionError("cannot find the patchsite annotations (" + MARKER + "): build the runtime module"
                + " first (mvn -pl runtime,linker ...), or set -D" + RUNTIME_PROPERTY + "=<dir or jar>");
    }
}
