package dev.patchsite.linker.link;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.TableReader;
import dev.patchsite.runtime.Bootstrap;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Files for the link tests: programs compiled at test time against the patchsite runtime, jars made of them, the
 * linked table inside a jar, and a {@code -javaagent} jar of exactly the runtime classes the linker embeds.
 */
final class LinkTestFiles {

    private static final long ENTRY_TIME = 1_700_000_000_000L;

    private LinkTestFiles() {
    }

    /**
     * Returns where the runtime's classes were loaded from (a directory or a jar): the annotations the test programs
     * compile against, and the classes the linker embeds.
     */
    static Path runtimeClasses() {
        try {
            return Path.of(Bootstrap.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Compiles sources with the in-process compiler ({@code --release 17}, with debug information).
     *
     * @param root a directory of the test's own; sources go to {@code root/src}, classes to {@code root/classes}
     * @param sources source text by binary class name, e.g. {@code p.Group}
     * @param classpath what to compile against besides the runtime's classes
     * @return the classes directory
     * @throws AssertionError if the sources do not compile; the message holds javac's diagnostics
     */
    static Path compile(Path root, Map<String, String> sources, Path... classpath) throws IOException {
        List<String> path = new ArrayList<>();
        path.add(runtimeClasses().toString());
        for (Path entry : classpath) {
            path.add(entry.toString());
        }
        return javac(root, sources, List.of("-classpath", String.join(java.io.File.pathSeparator, path)));
    }

    /**
     * Compiles a module: its sources, with {@code module-info} among them, against modules.
     *
     * @param root a directory of the test's own; sources go to {@code root/src}, classes to {@code root/classes}
     * @param sources source text by binary class name, and {@code module-info}
     * @param modulePath the modules it may require (jars, or directories of exploded modules)
     * @return the classes directory
     * @throws AssertionError if the sources do not compile; the message holds javac's diagnostics
     */
    static Path compileModule(Path root, Map<String, String> sources, Path... modulePath) throws IOException {
        List<String> path = new ArrayList<>();
        for (Path entry : modulePath) {
            path.add(entry.toString());
        }
        return javac(root, sources, List.of("--module-path", String.join(java.io.File.pathSeparator, path)));
    }

    private static Path javac(Path root, Map<String, String> sources, List<String> pathOptions) throws IOException {
        Path src = root.resolve("src");
        Path classes = Files.createDirectories(root.resolve("classes"));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file);
        }
        List<String> options = new ArrayList<>(List.of("--release", "17", "-g", "-proc:none", "-implicit:none",
                "-Xlint:-options", "-d", classes.toString()));
        options.addAll(pathOptions);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter output = new StringWriter();
        try (StandardJavaFileManager manager = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(output, manager, diagnostics, options, null,
                    manager.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                throw new AssertionError("javac failed:\n" + diagnostics.getDiagnostics() + "\n" + output);
            }
        }
        return classes;
    }

    /**
     * Writes the files under a directory into a jar, sorted, with a fixed time on every entry.
     *
     * @param dir the directory of classes
     * @param jar the jar to write
     * @param mainClass the {@code Main-Class}, or null for a jar that {@code java -jar} cannot run
     * @return {@code jar}
     */
    static Path jar(Path dir, Path jar, String mainClass) throws IOException {
        return jar(dir, jar, mainClass, null);
    }

    /**
     * Writes the files under a directory into a jar, sorted, with a fixed time on every entry and a
     * {@code Class-Path}.
     *
     * @param dir the directory of classes
     * @param jar the jar to write
     * @param mainClass the {@code Main-Class}, or null
     * @param classPath the {@code Class-Path}, or null
     * @return {@code jar}
     */
    static Path jar(Path dir, Path jar, String mainClass, String classPath) throws IOException {
        return jarWithManifest(dir, jar, attributes(mainClass, classPath));
    }

    /**
     * Writes entries into a jar, in the map's order, after a manifest.
     *
     * @param entries the bytes of each entry by name
     * @param jar the jar to write
     * @param mainClass the {@code Main-Class}, or null
     * @return {@code jar}
     */
    static Path jar(Map<String, byte[]> entries, Path jar, String mainClass) throws IOException {
        return jar(entries, jar, mainClass, null);
    }

    /**
     * Writes entries into a jar, in the map's order, after a manifest with a {@code Class-Path}.
     *
     * @param entries the bytes of each entry by name
     * @param jar the jar to write
     * @param mainClass the {@code Main-Class}, or null
     * @param classPath the {@code Class-Path} (URLs relative to the jar, separated by spaces), or null
     * @return {@code jar}
     */
    static Path jar(Map<String, byte[]> entries, Path jar, String mainClass, String classPath) throws IOException {
        return jar(entries, jar, attributes(mainClass, classPath));
    }

    private static Map<String, String> attributes(String mainClass, String classPath) {
        Map<String, String> attributes = new TreeMap<>();
        if (mainClass != null) {
            attributes.put(Attributes.Name.MAIN_CLASS.toString(), mainClass);
        }
        if (classPath != null) {
            attributes.put(Attributes.Name.CLASS_PATH.toString(), classPath);
        }
        return attributes;
    }

    /**
     * Writes the files under a directory into a jar, sorted, with a fixed time on every entry.
     *
     * @param dir the directory of classes
     * @param jar the jar to write
     * @param attributes the manifest's main attributes besides {@code Manifest-Version}
     * @return {@code jar}
     */
    static Path jarWithManifest(Path dir, Path jar, Map<String, String> attributes) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                entries.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return jar(entries, jar, attributes);
    }

    private static Path jar(Map<String, byte[]> entries, Path jar, Map<String, String> attributes)
            throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach(manifest.getMainAttributes()::putValue);
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            ZipEntry manifestEntry = new ZipEntry("META-INF/MANIFEST.MF");
            manifestEntry.setTime(ENTRY_TIME);
            out.putNextEntry(manifestEntry);
            manifest.write(out);
            out.closeEntry();
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setTime(ENTRY_TIME);
                out.putNextEntry(zipEntry);
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * Writes a {@code -javaagent} jar of the runtime classes the linker embeds ({@link RuntimeClasses#all()}), with
     * {@code Premain-Class: dev.patchsite.runtime.Agent} and {@code Can-Retransform-Classes: true} as in the runtime
     * module's jar. Built from the classes, not
     * taken from {@code runtime/target}, so that a build that stops at {@code test} cannot run a stale agent.
     *
     * @param jar the jar to write
     * @return {@code jar}
     */
    static Path agentJar(Path jar) throws IOException {
        return jar(RuntimeClasses.all(), jar, Map.of("Premain-Class", ManifestEditor.AGENT,
                ManifestEditor.RETRANSFORM, "true"));
    }

    /** Where the runtime's build puts its module descriptor, over the Java 8 classes. */
    static final String RUNTIME_DESCRIPTOR = "META-INF/versions/9/module-info.class";

    /**
     * Writes the runtime as its module's jar is built: the {@link #agentJar} with the module descriptor the runtime's
     * build compiled ({@value #RUNTIME_DESCRIPTOR}) and {@code Multi-Release: true}, so that on the module path it is
     * the module {@code dev.patchsite.runtime}.
     *
     * @param jar the jar to write
     * @return {@code jar}
     */
    static Path runtimeModuleJar(Path jar) throws IOException {
        Path classes = runtimeClasses();
        byte[] descriptor = Files.isDirectory(classes) ? Files.readAllBytes(classes.resolve(RUNTIME_DESCRIPTOR))
                : entry(classes, RUNTIME_DESCRIPTOR);
        if (descriptor == null) {
            throw new AssertionError(classes + " has no " + RUNTIME_DESCRIPTOR);
        }
        Map<String, byte[]> entries = new TreeMap<>(RuntimeClasses.all());
        entries.put(RUNTIME_DESCRIPTOR, descriptor);
        return jar(entries, jar, Map.of("Premain-Class", ManifestEditor.AGENT, ManifestEditor.RETRANSFORM, "true",
                "Multi-Release", "true"));
    }

    /** Returns the names of a jar's entries, in order. */
    static List<String> entryNames(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    /** Returns the names of a jar's class entries (base and versioned), in order. */
    static List<String> classEntries(Path jar) throws IOException {
        return entryNames(jar).stream().filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class"))
                .toList();
    }

    /** Returns an entry's bytes, or null if the jar has no such entry. */
    static byte[] entry(Path jar, String name) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }

    /** Returns every entry of a jar, by name, in order. */
    static Map<String, byte[]> entries(Path jar) throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    /** Reads the linked table a jar carries ({@code META-INF/patchsite/table}). */
    static PatchSiteTable linkedTable(Path jar) throws IOException {
        byte[] bytes = entry(jar, JarLinker.TABLE);
        if (bytes == null) {
            throw new AssertionError(jar + " has no " + JarLinker.TABLE);
        }
        try (Reader in = new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            return TableReader.read(in, jar + "!/" + JarLinker.TABLE);
        } catch (InputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
