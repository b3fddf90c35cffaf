package dev.patchsite.linker.link;

import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.ValidationException;
import dev.patchsite.runtime.Bootstrap;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify} on hand-made linked jars (a table with no function, a manifest as given): our
 * {@code Launcher-Agent-Class} needs the runtime in the jar or in a jar its {@code Class-Path} names, and a chained
 * agent must be a class there, started by our agent.
 */
class LauncherAgentCheckTest {

    private static final String RUNTIME_ENTRY = "dev/patchsite/runtime/Bootstrap.class";
    private static final String OURS = "dev.patchsite.runtime.Agent";
    private static final String CHAINED = "Patchsite-Chained-Agent-Class";

    @TempDir
    Path dir;

    @Test
    void ourAgentWithoutTheRuntimeIsAProblem() throws Exception {
        Path jar = linked("app.jar", Map.of("Launcher-Agent-Class", OURS), Map.of());
        assertEquals(List.of(jar + "!/META-INF/MANIFEST.MF: Launcher-Agent-Class: " + OURS + ", but the runtime is"
                + " neither in the jar nor in a jar its Class-Path names: java -jar fails with \"error loading java"
                + " agent\"; embed the runtime or name its jar in the Class-Path"), problems(jar));
    }

    @Test
    void theRuntimeInTheJarOrNamedByItsClassPathStartsOurAgent() throws Exception {
        assertEquals(List.of(), problems(linked("embedded.jar", Map.of("Launcher-Agent-Class", OURS),
                Map.of(RUNTIME_ENTRY, runtimeClass()))));
        Path beside = linked("beside/app.jar", Map.of("Launcher-Agent-Class", OURS, "Class-Path",
                "other.jar lib/rt%20copy.jar"), Map.of());
        assertEquals(1, problems(beside).size(), "not there yet");
        jar(beside.resolveSibling("lib/rt copy.jar"), Map.of(), Map.of(RUNTIME_ENTRY, runtimeClass()));
        assertEquals(List.of(), problems(beside));
        // Named, not there, but a jar of that name that holds the runtime is on the class path verify is given.
        Path named = linked("named/app.jar", Map.of("Launcher-Agent-Class", OURS, "Class-Path",
                "lib/patchsite-runtime.jar"), Map.of());
        Path runtime = jar(dir.resolve("repository/patchsite-runtime.jar"), Map.of(),
                Map.of(RUNTIME_ENTRY, runtimeClass()));
        assertEquals(List.of(), problems(named, runtime));
    }

    @Test
    void aChainedAgentMustBeThereAndStartedByOurs() throws Exception {
        Map<String, byte[]> runtime = Map.of(RUNTIME_ENTRY, runtimeClass());
        Path missing = linked("missing.jar", Map.of("Launcher-Agent-Class", OURS, CHAINED, "a.Gone"), runtime);
        assertEquals(List.of(missing + "!/META-INF/MANIFEST.MF: " + CHAINED + ": a.Gone, a class neither the jar nor"
                + " its Class-Path has: java -jar fails when the boot agent starts it"), problems(missing));
        Path orphan = linked("orphan.jar", Map.of("Launcher-Agent-Class", "a.Theirs", CHAINED,
                "dev.patchsite.runtime.Bootstrap"), runtime);
        assertEquals(List.of(orphan + "!/META-INF/MANIFEST.MF: " + CHAINED + ": dev.patchsite.runtime.Bootstrap,"
                + " but Launcher-Agent-Class is a.Theirs, not " + OURS + ", which would start it"), problems(orphan));
        assertEquals(List.of(), problems(linked("chained.jar", Map.of("Launcher-Agent-Class", OURS, CHAINED,
                "dev.patchsite.runtime.Bootstrap"), runtime)));
    }

    private static List<String> problems(Path jar, Path... classpath) throws PatchsiteException {
        try {
            Verifier.verify(jar, ProgramFiles.of(jar).withClasspath(List.of(classpath)), ScanSettings.defaults());
            return List.of();
        } catch (ValidationException e) {
            return e.problems();
        }
    }

    /** Writes a jar linked in boot mode with no function, a main class, these main attributes and entries. */
    private Path linked(String name, Map<String, String> attributes, Map<String, byte[]> entries) throws IOException {
        Map<String, String> all = new TreeMap<>(attributes);
        all.put("Main-Class", "a.Main");
        Map<String, byte[]> withTable = new TreeMap<>(entries);
        withTable.put("META-INF/patchsite/table", "patchsite-table 1\nlinked boot\n".getBytes(StandardCharsets.UTF_8));
        return jar(dir.resolve(name), all, withTable);
    }

    private static Path jar(Path jar, Map<String, String> attributes, Map<String, byte[]> entries)
            throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach(manifest.getMainAttributes()::putValue);
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }

    private static byte[] runtimeClass() throws IOException {
        try (InputStream in = Bootstrap.class.getResourceAsStream("Bootstrap.class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void aJarWithoutAgentsHasNoProblem() throws Exception {
        assertEquals(List.of(), problems(linked("plain.jar", Map.of(), Map.of())));
    }
}
