package dev.patchsite.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.testdata.Samples;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample jar with a few bytes patched as issue 9 found them (findings 1b, 4c and 6), through {@code scan} and
 * {@code link}: an end record that under-counts the entries is read as the JVM reads it, whole; entries that share
 * their data, a local header whose name is not the central one, and a class altered behind its CRC-32 are exit 3
 * with one line naming the jar and the entry, no stack trace, no output written and the input unchanged.
 */
class HostileJarTest {

    private static final String MAIN = "dev/patchsite/sample/app/Main.class";

    @TempDir
    Path tmp;

    /** The sample jar's bytes, little-endian, with its records found by walking the central directory. */
    private static final class Jar {
        final ByteBuffer bytes;
        final int end;
        final int centralStart;

        Jar() throws IOException {
            bytes = ByteBuffer.wrap(Files.readAllBytes(Samples.jar(Samples.SAMPLE))).order(ByteOrder.LITTLE_ENDIAN);
            end = bytes.capacity() - 22;
            assertEquals(0x06054b50, bytes.getInt(end));
            centralStart = bytes.getInt(end + 16);
        }

        /** The central record of the entry of that name. */
        int record(String name) {
            for (int at = centralStart; at < end; ) {
                int nameLength = bytes.getShort(at + 28) & 0xFFFF;
                if (new String(bytes.array(), at + 46, nameLength, StandardCharsets.UTF_8).equals(name)) {
                    return at;
                }
                at += 46 + nameLength + (bytes.getShort(at + 30) & 0xFFFF) + (bytes.getShort(at + 32) & 0xFFFF);
            }
            throw new AssertionError("no entry " + name);
        }

        int localHeader(String name) {
            return bytes.getInt(record(name) + 42);
        }

        Path write(Path file) throws IOException {
            return Files.write(file, bytes.array());
        }
    }

    /**
     * Scan and link both refuse the jar with exit 3 and one line, the same, and write nothing.
     *
     * @return the message, without "error: "
     */
    private String refused(Path jar) throws IOException {
        byte[] before = Files.readAllBytes(jar);
        Path table = tmp.resolve("out.table");
        Path linked = tmp.resolve("out.jar");
        Cli.Result scan = Cli.run("scan", jar, "-o", table).assertExit(ExitCode.INPUT.code()).assertNoStackTrace();
        Cli.Result link = Cli.run("link", jar, "-o", linked).assertExit(ExitCode.INPUT.code()).assertNoStackTrace();
        assertEquals(1, scan.errLines().size(), scan.err());
        assertEquals(scan.errLines(), link.errLines());
        assertFalse(Files.exists(table));
        assertFalse(Files.exists(linked));
        assertArrayEquals(before, Files.readAllBytes(jar));
        assertTrue(scan.err().startsWith("error: "), scan.err());
        return scan.errLines().get(0).substring("error: ".length());
    }

    // Finding 1b: the end record says 3; the JVM, unzip and Python read every entry, and now so does patchsite.
    @Test
    void anEndRecordThatUnderCountsTheEntriesHidesNone() throws IOException {
        Jar jar = new Jar();
        jar.bytes.putShort(jar.end + 8, (short) 3).putShort(jar.end + 10, (short) 3);
        Path bad = jar.write(tmp.resolve("three.jar"));
        Path sample = Samples.jar(Samples.SAMPLE);
        assertEquals(Cli.run("scan", sample).assertClean(ExitCode.OK.code()).out(),
                Cli.run("scan", bad).assertClean(ExitCode.OK.code()).out());
        String summary = Cli.run("link", sample, "-o", tmp.resolve("sample-linked.jar")).assertExit(ExitCode.OK.code())
                .err();
        assertEquals(summary.replace(sample.toString(), bad.toString()),
                Cli.run("link", bad, "-o", tmp.resolve("three-linked.jar")).assertExit(ExitCode.OK.code()).err());
        Cli.run("verify", tmp.resolve("three-linked.jar")).assertExit(ExitCode.OK.code());
    }

    // Finding 4c: two central records pointing at one local entry; link refused it, scan read it twice.
    @Test
    void entriesThatShareTheirDataAreRefusedByScanAndLinkAlike() throws IOException {
        Jar jar = new Jar();
        String other = "dev/patchsite/sample/app/Guard.class";
        jar.bytes.putInt(jar.record(other) + 42, jar.localHeader(MAIN));
        Path bad = jar.write(tmp.resolve("shared.jar"));
        String message = refused(bad);
        assertTrue(message.startsWith(bad + ": not a readable jar (truncated, or not a zip file): "), message);
        assertTrue(message.endsWith(": its data overlaps that of " + other + " (a corrupt or hostile archive: entries"
                + " that share their data)") || message.endsWith(": its data overlaps that of " + MAIN + " (a corrupt"
                + " or hostile archive: entries that share their data)"), message);
    }

    // Finding 6: a local header named "../" where the central directory says dev/; JarInputStream saw it in the output.
    @Test
    void aLocalNameThatIsNotTheCentralOneIsRefused() throws IOException {
        Jar jar = new Jar();
        jar.bytes.put(jar.localHeader(MAIN) + 30, "../".getBytes(StandardCharsets.US_ASCII));
        Path bad = jar.write(tmp.resolve("dotdot.jar"));
        assertEquals(bad + "!/" + MAIN + ": corrupt entry: local header disagrees with the central directory: name"
                + " \"..//patchsite/sample/app/Main.class\" (corrupt or hostile archive)", refused(bad));
    }

    // Finding 6: a class altered behind its CRC-32 was scanned and linked silently.
    @Test
    void aClassWhoseCrcIsWrongIsRefused() throws IOException {
        Jar jar = new Jar();
        int crc = jar.bytes.getInt(jar.record(MAIN) + 16);
        jar.bytes.putInt(jar.record(MAIN) + 16, crc ^ 1);
        jar.bytes.putInt(jar.localHeader(MAIN) + 14, crc ^ 1);
        Path bad = jar.write(tmp.resolve("crc.jar"));
        assertEquals(bad + "!/" + MAIN + ": corrupt entry: " + String.format("entry's CRC-32 is %08x, not the %08x"
                + " its central record declares (corrupt or altered)", crc & 0xFFFFFFFFL, (crc ^ 1) & 0xFFFFFFFFL),
                refused(bad));
    }
}
