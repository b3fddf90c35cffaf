package dev.patchsite.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify} refuses a linked jar tampered with after linking (issue 9, finding 5): each tampering is exit 4, a
 * problem naming the jar and entry and what is wrong, no stack trace, and the jar unchanged. {@code explain} reads a
 * malformed group description as bad input (exit 3, finding 3).
 */
class VerifyTamperedTest {

    private static final String TABLE = JarEdits.TABLE;
    private static final String SPINLOCK = "META-INF/patchsite/groups/dev.patchsite.sample.lock.SpinLock.group";
    private static final String UNLOCK = "dev.patchsite.sample.lock.SpinLock.unlock(Ldev/patchsite/sample/lock/QLock;)V";

    @TempDir
    Path dir;
    private Path linked;

    @BeforeEach
    void link() {
        linked = JarEdits.linkedSample(dir);
    }

    @Test
    void aGroupDescriptionOfRandomBytes() throws IOException {
        byte[] noise = new byte[200];
        new Random(5).nextBytes(noise);
        Path tampered = tamper(SPINLOCK, bytes -> noise);

        assertEquals(List.of("error: 1 problem in " + tampered + ":", "  " + tampered + "!/" + SPINLOCK
                + ": not a group description: patchsite: " + SPINLOCK + " does not start with \"patchsite-group 1\";"
                + " relink with this patchsite version"), verifyFails(tampered));
    }

    @Test
    void aGroupDescriptionNamingAVariantTheTableDoesNotHave() throws IOException {
        Path tampered = tamper(SPINLOCK, bytes -> (text(bytes) + "variant evil java.lang.Runtime 100 - -\n")
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("error: 1 problem in " + tampered + ":", "  " + tampered + "!/" + SPINLOCK
                + ": variant evil (java.lang.Runtime) is not a variant of the group in the table"),
                verifyFails(tampered));
    }

    @Test
    void aGroupDescriptionWhoseVariantDiffersFromTheTable() throws IOException {
        Path tampered = tamper(SPINLOCK, bytes -> text(bytes).replace(" dev.patchsite.sample.lock.NumaSpinLock 10 ",
                " dev.patchsite.sample.lock.NumaSpinLock 99 ").getBytes(StandardCharsets.UTF_8));

        List<String> err = verifyFails(tampered);
        assertEquals(2, err.size(), String.join("\n", err));
        assertTrue(err.get(1).startsWith("  " + tampered + "!/" + SPINLOCK + ": variant numa is"
                + " dev.patchsite.sample.lock.NumaSpinLock priority 99 when dev.patchsite.sample.lock.NumaProbe"
                + " implementing "), err.get(1));
        assertTrue(err.get(1).contains(" here but dev.patchsite.sample.lock.NumaSpinLock priority 10 when "), err.get(1));
    }

    @Test
    void aGroupDescriptionOfAGroupTheTableDoesNotHave() throws IOException {
        String stray = "META-INF/patchsite/groups/java.lang.Runtime.group";
        Path tampered = tamper(stray, bytes -> "patchsite-group 1\nfunction exit (I)V\n"
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("error: 1 problem in " + tampered + ":", "  " + tampered + "!/" + stray
                + ": describes java.lang.Runtime, which is not a group of the table"), verifyFails(tampered));
    }

    @Test
    void aTableSiteInAClassThatDoesNotExist() throws IOException {
        String ghost = UNLOCK + " dev.patchsite.sample.app.Ghost.run()V #0 invoke line=1 offset=1 bind=patch";
        Path tampered = tamper(TABLE, bytes -> (text(bytes) + "site " + ghost + "\n")
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("error: 1 problem in " + tampered + ":", "  " + tampered + ": " + ghost
                + ": no class dev/patchsite/sample/app/Ghost.class in the jar or the jars it is verified with"),
                verifyFails(tampered));
    }

    @Test
    void aTableLinkedStaticWhoseBindingsArePatch() throws IOException {
        Path tampered = tamper(TABLE, bytes -> text(bytes).replace("\nlinked boot\n", "\nlinked static\n")
                .getBytes(StandardCharsets.UTF_8));

        List<String> err = verifyFails(tampered);
        long wrongMode = err.stream().filter(line -> line.startsWith("  " + tampered + ": ")
                && line.endsWith(": bound patch, which static mode never binds")).count();
        assertEquals(16, wrongMode, String.join("\n", err));
    }

    @Test
    void explainOfAGroupDescriptionWithANonNumericPriorityOrALineOfSpaces() throws IOException {
        for (String bad : List.of("variant numa dev.patchsite.sample.lock.NumaSpinLock high - -", "    ")) {
            Path tampered = tamper(SPINLOCK, bytes -> (text(bytes) + bad + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] before = Files.readAllBytes(tampered);

            Cli.Result result = Cli.run("explain", tampered).assertExit(ExitCode.INPUT.code()).assertNoStackTrace();

            assertEquals(List.of("error: " + tampered + "!/" + SPINLOCK + ": not a group description: " + SPINLOCK
                    + " line 6: bad line \"" + bad + "\"; expected \"function NAME DESCRIPTOR [updatable]\" or"
                    + " \"variant NAME CLASS PRIORITY PROBE|- FUNCTIONS|-\""), result.errLines());
            assertArrayEquals(before, Files.readAllBytes(tampered), "the input was modified");
        }
    }

    @Test
    void explainOfAGroupDescriptionWhoseNameHasAControlCharacter() throws IOException {
        Path tampered = tamper("META-INF/patchsite/groups/a\tb.group", bytes -> "patchsite-group 1\n"
                .getBytes(StandardCharsets.UTF_8));

        Cli.Result result = Cli.run("explain", tampered).assertExit(ExitCode.INPUT.code()).assertNoStackTrace();

        assertEquals(List.of("error: " + tampered + "!/META-INF/patchsite/groups/a b.group: not a group description:"
                + " a group name has no spaces or control characters"), result.errLines());
    }

    /** Verifies a tampered jar: exit 4, no stack trace, the jar unchanged; returns standard error's lines. */
    private static List<String> verifyFails(Path tampered) throws IOException {
        byte[] before = Files.readAllBytes(tampered);
        Cli.Result result = Cli.run("verify", tampered).assertExit(ExitCode.VALIDATION.code()).assertNoStackTrace();
        assertArrayEquals(before, Files.readAllBytes(tampered), "the input was modified");
        return result.errLines();
    }

    private Path tamper(String name, UnaryOperator<byte[]> edit) throws IOException {
        return JarEdits.withEntry(linked, dir.resolve("tampered.jar"), name, edit);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
