package dev.patchsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script, {@code target/patchsite} (from {@code src/main/launcher}), run with a stand-in
 * {@code patchsite.jar} beside it that prints the options its JVM was started with and its arguments: the script
 * passes the arguments as they are, its default options or {@code PATCHSITE_JAVA_OPTS}, runs {@code JAVA_HOME}'s java,
 * and finds the jar through a symbolic link to it.
 */
class LauncherTest {

    private static final Path SCRIPT = Path.of("src", "main", "launcher", "patchsite");

    @TempDir
    Path dir;
    private Path launcher;

    @BeforeEach
    void installBesideAStandInJar() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell");
        Path install = Files.createDirectories(dir.resolve("install"));
        launcher = Files.copy(SCRIPT, install.resolve("patchsite"), StandardCopyOption.COPY_ATTRIBUTES);
        assertTrue(Files.isExecutable(launcher), "the script is executable as it is in the repository");
        standInJar(install.resolve("patchsite.jar"));
    }

    @Test
    void runsTheJarWithTheShortRunOptionsAndTheArgumentsAsTheyAre() throws Exception {
        List<String> out = run(launcher, Map.of(), "scan", "a b.jar", "", "--x=$HOME");
        assertTrue(out.get(0).contains("-XX:TieredStopAtLevel=1"), out.toString());
        assertEquals(List.of("scan", "a b.jar", "", "--x=$HOME"), out.subList(1, out.size()));
    }

    @Test
    void patchsiteJavaOptsReplacesTheOptions() throws Exception {
        List<String> out = run(launcher, Map.of("PATCHSITE_JAVA_OPTS", "-Dx=1  -Dy=2"), "verify");
        assertEquals("-Dx=1 -Dy=2", out.get(0));
        assertEquals(List.of("verify"), out.subList(1, out.size()));

        List<String> defaults = run(launcher, Map.of("PATCHSITE_JAVA_OPTS", ""), "diff");
        assertEquals("", defaults.get(0), "set to nothing: the JVM's defaults");
    }

    @Test
    void findsTheJarThroughASymbolicLinkToTheScript() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path link = Files.createSymbolicLink(bin.resolve("patchsite"), Path.of("..", "install", "patchsite"));
        List<String> out = run(link, Map.of(), "explain");
        assertEquals(List.of("explain"), out.subList(1, out.size()));
    }

    @Test
    void findsTheJarThroughALinkedDirectoryAndARelativeLink() throws Exception {
        // home/bin -> the real bin, whose patchsite -> ../install/patchsite: ".." is the real bin's parent.
        Path bin = Files.createDirectories(dir.resolve("opt").resolve("bin"));
        Files.move(launcher.getParent(), dir.resolve("opt").resolve("install"));
        Files.createSymbolicLink(bin.resolve("patchsite"), Path.of("..", "install", "patchsite"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createSymbolicLink(home.resolve("bin"), bin);
        List<String> out = run(home.resolve("bin").resolve("patchsite"), Map.of(), "scan");
        assertEquals(List.of("scan"), out.subList(1, out.size()));
    }

    @Test
    void cdpathDoesNotMisleadItWhenRunByARelativePath() throws Exception {
        // As the README runs it, cli/target/patchsite: cd would search CDPATH for a relative directory, and print it.
        Path relative = dir.relativize(launcher);
        for (String cdpath : List.of(".:/nonexistent", "/usr")) {
            List<String> out = run(dir, relative, Map.of("CDPATH", cdpath), "scan");
            assertEquals(List.of("scan"), out.subList(1, out.size()), cdpath);
        }
    }

    /** Runs the launcher with JAVA_HOME set to this JVM's and no java on the PATH; returns its lines of output. */
    private static List<String> run(Path script, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        return run(Path.of("").toAbsolutePath(), script, environment, args);
    }

    /** Runs the launcher, named by a path that may be relative to the working directory. */
    private static List<String> run(Path workingDirectory, Path script, Map<String, String> environment,
            String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .directory(workingDirectory.toFile());
        builder.environment().remove("PATCHSITE_JAVA_OPTS");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher ends");
        assertEquals(0, process.exitValue(), output);
        return output.lines().toList();
    }

    /** A jar whose main class prints its JVM's options on one line, then each argument on a line of its own. */
    private void standInJar(Path jar) throws IOException {
        Path source = Files.writeString(Files.createDirectories(dir.resolve("src")).resolve("Main.java"), """
                public class Main {
                    public static void main(String[] args) {
                        System.out.println(String.join(" ", java.lang.management.ManagementFactory
                                .getRuntimeMXBean().getInputArguments()));
                        for (String arg : args) {
                            System.out.println(arg);
                        }
                    }
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                source.toString()));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Main");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("Main.class"));
            out.write(Files.readAllBytes(classes.resolve("Main.class")));
            out.closeEntry();
        }
    }
}
