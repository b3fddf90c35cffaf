package dev.patchsite.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.testdata.Samples;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code diff} tells a jar from a table file (issue 9, finding 8b): by the zip end record, not by {@code PK} at
 * byte 0, so a jar with a launcher script before it and an empty zip file are jars; a pipe is read once, as a table,
 * and loses no byte; an embedded table is read with the project's own zip reader, so a zip64 end record with a
 * negative entry count is refused with exit 3 rather than failing inside the JDK's reader. And {@code link} keeps
 * the launcher script before a jar (finding 8a).
 */
class DiffInputDetectionTest {

    private static final byte[] LAUNCHER = "#!/bin/sh\nexec java -jar \"$0\" \"$@\"\nexit 1\n"
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path shared;

    static Path v1Table;

    @TempDir
    Path tmp;

    @BeforeAll
    static void scanVersion1() {
        v1Table = shared.resolve("v1.table");
        Cli.run("scan", "-o", v1Table, Samples.jar(Samples.SAMPLE)).assertClean(ExitCode.OK.code());
    }

    private static byte[] prefixed(byte[] prefix, Path jar) throws IOException {
        byte[] bytes = Files.readAllBytes(jar);
        byte[] all = Arrays.copyOf(prefix, prefix.length + bytes.length);
        System.arraycopy(bytes, 0, all, prefix.length, bytes.length);
        return all;
    }

    private static String noDifferences(Path oldInput, Path newInput) {
        return "patchsite diff: " + oldInput + " -> " + newInput + "\nno differences\n";
    }

    @Test
    void aJarWithALauncherBeforeItIsAJar() throws IOException {
        byte[] bytes = prefixed(LAUNCHER, Samples.jar(Samples.SAMPLE));
        Path app = Files.write(tmp.resolve("app"), bytes);
        Cli.Result result = Cli.run("diff", v1Table, app).assertClean(ExitCode.OK.code());
        assertEquals(noDifferences(v1Table, app), result.out());
        assertArrayEquals(bytes, Files.readAllBytes(app));
    }

    @Test
    void linkKeepsTheLauncherAndDiffReadsTheTableBehindIt() throws IOException {
        Path app = Files.write(tmp.resolve("app"), prefixed(LAUNCHER, Samples.jar(Samples.SAMPLE)));
        Path linked = tmp.resolve("linked");
        Cli.run("link", app, "-o", linked).assertExit(ExitCode.OK.code());
        byte[] written = Files.readAllBytes(linked);
        assertArrayEquals(LAUNCHER, Arrays.copyOf(written, LAUNCHER.length));
        try (JarFile jar = new JarFile(linked.toFile())) {
            assertTrue(jar.getEntry("META-INF/patchsite/table") != null);
        }
        Cli.Result result = Cli.run("diff", v1Table, linked).assertClean(ExitCode.OK.code());
        assertEquals(noDifferences(v1Table, linked), result.out());
        // Linking the linked output changes nothing, launcher included.
        Path again = tmp.resolve("again");
        Cli.run("link", linked, "-o", again).assertExit(ExitCode.OK.code());
        assertArrayEquals(written, Files.readAllBytes(again));
    }

    @Test
    void anEmptyZipIsAJarWithNoSites() throws IOException {
        byte[] end = new byte[22];
        ByteBuffer.wrap(end).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0x06054b50);
        Path empty = Files.write(tmp.resolve("empty.zip"), end);
        Cli.run("diff", empty, empty).assertClean(ExitCode.OK.code());
        Cli.Result result = Cli.run("diff", v1Table, empty).assertExit(ExitCode.DIFFERENCE.code()).assertNoStackTrace();
        assertTrue(result.out().startsWith("patchsite diff: " + v1Table + " -> " + empty + "\n"), result.out());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aPipeIsReadOnceAndWhole() throws Exception {
        Path fifo = tmp.resolve("table.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        byte[] table = Files.readAllBytes(v1Table);
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(table);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        writer.start();
        Cli.Result result = Cli.run("diff", fifo, v1Table).assertClean(ExitCode.OK.code());
        writer.join();
        assertEquals(noDifferences(fifo, v1Table), result.out());
    }

    @Test
    void aZip64EndRecordWithANegativeEntryCountIsRefusedNamingTheJar() throws IOException {
        byte[] jar = Files.readAllBytes(Samples.jar(Samples.SAMPLE));
        int end = jar.length - 22;
        ByteBuffer old = ByteBuffer.wrap(jar).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x06054b50, old.getInt(end));
        // The jar's end record, preceded by a zip64 end record (count -1) and its locator, its own counts 0xFFFF.
        ByteBuffer zip64 = ByteBuffer.allocate(jar.length + 56 + 20).order(ByteOrder.LITTLE_ENDIAN);
        zip64.put(jar, 0, end);
        zip64.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                .putLong(-1).putLong(-1).putLong(old.getInt(end + 12)).putLong(old.getInt(end + 16));
        zip64.putInt(0x07064b50).putInt(0).putLong(end).putInt(1);
        zip64.put(jar, end, 22);
        zip64.putShort(jar.length + 76 - 22 + 8, (short) -1).putShort(jar.length + 76 - 22 + 10, (short) -1);
        Path bad = Files.write(tmp.resolve("zip64.jar"), zip64.array());
        Cli.Result result = Cli.run("diff", v1Table, bad).assertExit(ExitCode.INPUT.code()).assertNoStackTrace();
        assertEquals(List.of("error: " + bad + ": not a readable jar (truncated, or not a zip file): central"
                + " directory cannot hold the -1 entries it claims"), result.errLines());
        assertArrayEquals(zip64.array(), Files.readAllBytes(bad));
    }
}
