package dev.patchsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.testdata.Samples;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code patchsite link} adds to the core's link: its summary line, its warnings, the mode's labels. */
class LinkCommandTest {

    @TempDir
    Path tmp;

    /** A jar without a function is copied unchanged; the command says so, and how to give the library. */
    @Test
    void aJarWithNoFunctionIsCopiedAndTheCommandSaysWhereFunctionsComeFrom() throws IOException {
        Path plain = plainJar(tmp.resolve("hello.jar"));
        Path linked = tmp.resolve("hello-linked.jar");

        Cli.Result result = Cli.run("link", plain, "-o", linked).assertExit(ExitCode.OK.code());

        assertEquals("nothing to link: no function found (is the library that declares them on --classpath?);"
                + " copied unchanged" + System.lineSeparator(), result.out());
        assertEquals("warning: " + plain + ": no function found, in the inputs or on the class path they are linked"
                + " with: nothing to link; copied unchanged\n", result.err());
        assertEquals(-1, Files.mismatch(plain, linked));
    }

    /** The mode is named by its lower-case label, in any case, as the docs write it. */
    @Test
    void theModeIsALabelInAnyCase() throws IOException {
        Path plain = plainJar(tmp.resolve("hello.jar"));

        Cli.run("link", plain, "-o", tmp.resolve("indy.jar"), "--mode", "INDY").assertExit(ExitCode.OK.code());
        Cli.Result bad = Cli.run("link", plain, "-o", tmp.resolve("x.jar"), "--mode", "eager")
                .assertExit(ExitCode.USAGE.code());

        assertEquals("Invalid value for option '--mode': expected one of boot, indy, static but was 'eager'",
                bad.errLines().get(0));
    }

    /**
     * A warning about an input is shown once per command, though a link that runs the probes first reads the program
     * twice: to run its probes, then to link it.
     */
    @Test
    void aWarningIsShownOncePerCommand() throws IOException {
        Path oneJar = JarEdits.withJarInside(Samples.jar(Samples.SAMPLE), tmp.resolve("one.jar"));
        Cli.Result result = Cli.run("link", oneJar, "-o", tmp.resolve("probed.jar"), "--mode", "static",
                "--select-by-probes").assertExit(ExitCode.OK.code());

        assertEquals(List.of(JarEdits.jarInsideWarning(oneJar)), result.errLines());
    }

    /**
     * {@code --select-by-probes} fixes what the probes select here, and says it with {@code -v}; a selection given
     * wins; outside static mode it is refused.
     */
    @Test
    void selectByProbesFixesTheProbesSelectionInAStaticLink() throws IOException {
        Path probed = tmp.resolve("probed.jar");
        Cli.Result result = Cli.run("link", Samples.jar(Samples.SAMPLE), "-o", probed, "--mode", "static",
                "--select-by-probes", "--select", "dev.patchsite.sample.trace.LockEvents=enabled", "-v")
                .assertExit(ExitCode.OK.code());

        assertTrue(result.err().contains("dev.patchsite.sample.trace.LockEvents -> enabled (given: --select"
                + " dev.patchsite.sample.trace.LockEvents=enabled)"), result.err());
        assertTrue(result.err().contains("dev.patchsite.sample.lock.SpinLock -> "), result.err());
        try (ZipFile zip = new ZipFile(probed.toFile())) {
            String table = new String(zip.getInputStream(zip.getEntry("META-INF/patchsite/table")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(table.contains(" dev.patchsite.sample.trace.LockEvents=enabled"), table.lines().limit(3)
                    .toList().toString());
        }

        Cli.Result refused = Cli.run("link", Samples.jar(Samples.SAMPLE), "-o", tmp.resolve("boot.jar"),
                "--select-by-probes").assertExit(ExitCode.LINK.code());
        assertEquals("error: --select-by-probes fixes the selections at link time: it needs --mode static, not --mode"
                + " boot", refused.errLines().get(0));
    }

    /** A jar with a manifest naming a main class and one resource: no class, so no function. */
    private static Path plainJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "hello.Main");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new ZipEntry("hello.txt"));
            out.write("Hello\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
