package dev.patchsite.linker.internal.zip;

import static dev.patchsite.linker.internal.zip.ZipArchiveTest.bytes;
import static dev.patchsite.linker.internal.zip.ZipFixtures.put16;
import static dev.patchsite.linker.internal.zip.ZipFixtures.put32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.patchsite.linker.internal.zip.ZipFixtures.RawEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile archives of issue 9 that {@link ZipArchive} and {@link ZipWriter} refuse, each with the one message
 * that says why, in bounded work: entries that share their data (a zip bomb of many records), an entry that inflates
 * past its declared size, contents altered behind their CRC-32, and local headers that say something other than
 * the central directory (a {@code ../} name, another method or size, a malformed extra field), which raw copying
 * would otherwise carry into the output for {@code JarInputStream} to see. The timeouts are guards, not
 * measurements: each input here used to take minutes, or gigabytes, and is now refused before any work that grows.
 */
class ZipArchiveHostileInputTest {

    private static final byte[] ALPHA = bytes("alpha");
    private static final byte[] BETA = ZipFixtures.text(10, 2000);
    private static final String DISAGREES = "local header disagrees with the central directory: ";

    @TempDir
    Path dir;

    /** a.txt stored, b.txt deflated: local headers at 0 and 40. */
    private static byte[] valid() {
        return ZipFixtures.assemble(RawEntry.stored("a.txt", ALPHA), RawEntry.deflated("b.txt", BETA));
    }

    private Path file(byte[] zip) throws IOException {
        return ZipFixtures.write(dir, "hostile.zip", zip);
    }

    private static void fails(String message, Executable executable) {
        ZipException thrown = assertThrows(ZipException.class, executable);
        assertEquals(message, thrown.getMessage());
    }

    /** Reading an entry, whole or as a stream, and copying it raw all fail with the given messages. */
    private void everyPathFails(byte[] zip, int entry, String readMessage) throws IOException {
        Path file = file(zip);
        byte[] before = Files.readAllBytes(file);
        try (ZipArchive archive = ZipArchive.open(file)) {
            fails(readMessage, () -> archive.read(entry));
            fails(readMessage, () -> {
                try (InputStream in = archive.open(entry)) {
                    in.readAllBytes();
                }
            });
            try (ZipWriter writer = new ZipWriter(dir.resolve("out.zip"))) {
                fails(archive.name(entry) + ": " + readMessage, () -> writer.copy(archive, entry));
            }
        }
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    // Finding 4c: 2,000 central records pointing at one local entry that inflates to many MiB; the scan read it
    // 2,000 times. Refused when the archive is opened, so scan and link refuse it alike.
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void refusesManyRecordsOfOneEntryWhenOpened() throws IOException {
        RawEntry bomb = RawEntry.deflated("bomb.txt", new byte[32 << 20]);
        byte[] zip = ZipFixtures.assemble(new byte[0], List.of(bomb), new int[2000], new byte[0]);
        Path file = file(zip);
        fails("bomb.txt: its data overlaps that of bomb.txt (a corrupt or hostile archive: entries that share their"
                + " data)", () -> ZipArchive.open(file).close());
    }

    // Names whose String.hashCode is the same (each of 15 pairs "Aa" or "BB"): with a hash of that form the name
    // index took time quadratic in their number (16 s for these 32,768 on a loaded 2-core machine; now 0.6 s).
    @Test
    @Timeout(value = 8, unit = TimeUnit.SECONDS)
    void indexesNamesMadeToCollideInLinearTime() throws IOException {
        int count = 1 << 15;
        RawEntry[] entries = new RawEntry[count];
        for (int i = 0; i < count; i++) {
            StringBuilder name = new StringBuilder();
            for (int bit = 0; bit < 15; bit++) {
                name.append((i >> bit & 1) == 0 ? "Aa" : "BB");
            }
            entries[i] = RawEntry.stored(name.toString(), new byte[0]);
        }
        Path file = file(ZipFixtures.assemble(entries));
        try (ZipArchive archive = ZipArchive.open(file)) {
            assertEquals(count, archive.size());
            assertEquals(null, archive.duplicateName());
            assertEquals(count - 1, archive.find("BB".repeat(15)));
        }
    }

    // Finding 4d: 600 bytes declared, 64 MiB inflated. No reader of the stream gets past the declared size, and the
    // inflater is never asked for more than one byte beyond it.
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void stopsInflatingOneByteBeyondTheDeclaredSize() throws IOException {
        RawEntry bomb = RawEntry.of("bomb.txt", 8, new byte[600], ZipFixtures.deflate(new byte[64 << 20]));
        byte[] zip = ZipFixtures.assemble(RawEntry.stored("a.txt", ALPHA), bomb);
        try (ZipArchive archive = ZipArchive.open(file(zip))) {
            String message = "entry holds more than the 600 bytes its central record declares";
            fails(message, () -> archive.read(1));
            try (InputStream in = archive.open(1)) {
                fails(message, in::readAllBytes);
            }
            try (InputStream in = archive.open(1)) {
                assertArrayEquals(new byte[600], in.readNBytes(600));
            }
            try (InputStream in = archive.open(1)) {
                assertEquals(600, in.skip(600));
                fails(message, in::read);
            }
            assertArrayEquals(ALPHA, archive.read(0));
        }
    }

    // Finding 6: a stored entry altered behind its CRC-32 was read, and scanned, silently.
    @Test
    void refusesContentsAlteredBehindTheirCrc() throws IOException {
        byte[] zip = valid();
        zip[30 + 5] = 'A';
        everyPathFails(zip, 0, String.format("entry's CRC-32 is %08x, not the %08x its central record declares"
                + " (corrupt or altered)", ZipFixtures.crc(bytes("Alpha")), ZipFixtures.crc(ALPHA)));
        try (ZipArchive archive = ZipArchive.open(file(zip))) {
            assertArrayEquals(BETA, archive.read(1));
        }
    }

    @Test
    void refusesADeflatedEntryWhoseCrcIsWrongInBothHeaders() throws IOException {
        byte[] zip = valid();
        int record = ZipFixtures.centralRecords(zip)[1];
        put32(zip, record + 16, 0x12345678);
        put32(zip, 40 + 14, 0x12345678);
        try (ZipArchive archive = ZipArchive.open(file(zip))) {
            fails(String.format("entry's CRC-32 is %08x, not the 12345678 its central record declares"
                    + " (corrupt or altered)", ZipFixtures.crc(BETA)), () -> archive.read(1));
            // Copied raw, a deflated entry is not inflated, so not checked: it keeps the CRC it had, which any
            // reader that checks (JarInputStream) refuses in the output as in the input.
            Path out = dir.resolve("out.zip");
            try (ZipWriter writer = new ZipWriter(out)) {
                writer.copy(archive, 1);
                writer.finish();
            }
            try (ZipArchive copied = ZipArchive.open(out)) {
                assertEquals(0x12345678L, copied.crc(0));
            }
        }
    }

    // Finding 6: local headers that disagree with the central directory were copied through, so JarInputStream on
    // the output saw the local "../" name.
    @Test
    void refusesALocalNameThatIsNotTheCentralOne() throws IOException {
        byte[] zip = valid();
        System.arraycopy(bytes("../aa"), 0, zip, 30, 5);
        everyPathFails(zip, 0, DISAGREES + "name \"../aa\" (corrupt or hostile archive)");
        RawEntry a = RawEntry.stored("a.txt", ALPHA);
        zip = ZipFixtures.assemble(a, RawEntry.deflated("b.txt", BETA));
        put16(zip, 26, 4);
        put16(zip, 28, 1);
        everyPathFails(zip, 0, DISAGREES + "name \"a.tx\" (corrupt or hostile archive)");
    }

    @Test
    void refusesALocalMethodOrSizeThatIsNotTheCentralOne() throws IOException {
        byte[] zip = valid();
        put16(zip, 40 + 8, 0);
        everyPathFails(zip, 1, DISAGREES + "compression method 0 (corrupt or hostile archive)");
        zip = valid();
        put32(zip, 40 + 18, 7);
        everyPathFails(zip, 1, DISAGREES + "compressed size 7 (corrupt or hostile archive)");
        zip = valid();
        put32(zip, 40 + 22, 7);
        everyPathFails(zip, 1, DISAGREES + "size 7 (corrupt or hostile archive)");
        zip = valid();
        put32(zip, 14, 7);
        everyPathFails(zip, 0, DISAGREES + "CRC-32 7 (corrupt or hostile archive)");
    }

    @Test
    void refusesAMalformedLocalExtraFieldAndAcceptsZeroPadding() throws IOException {
        byte[] garbage = {1, 2, 3, 4, 5, 6};
        byte[] zip = ZipFixtures.assemble(RawEntry.stored("a.txt", ALPHA).localExtra(garbage),
                RawEntry.deflated("b.txt", BETA));
        everyPathFails(zip, 0, "local header's extra field is malformed (corrupt or hostile archive)");
        byte[] block = {(byte) 0xCA, (byte) 0xFE, 2, 0, 9, 9, 0, 0, 0};
        zip = ZipFixtures.assemble(RawEntry.stored("a.txt", ALPHA).localExtra(block),
                RawEntry.deflated("b.txt", BETA));
        Path file = file(zip);
        try (ZipArchive archive = ZipArchive.open(file)) {
            assertArrayEquals(ALPHA, archive.read(0));
            Path out = dir.resolve("out.zip");
            try (ZipWriter writer = new ZipWriter(out)) {
                writer.copy(archive, 0);
                writer.copy(archive, 1);
                writer.finish();
            }
            assertEquals(ZipFixtures.readWithZipFile(file), ZipFixtures.readWithZipInputStream(out));
        }
    }

    // A local header whose fields are zeros because a data descriptor follows agrees with its central record.
    @Test
    void acceptsALocalHeaderOfZerosBeforeADescriptor() throws IOException {
        byte[] zip = ZipFixtures.assemble(RawEntry.deflated("a.txt", ALPHA).withDescriptor(),
                RawEntry.deflated("b.txt", BETA));
        try (ZipArchive archive = ZipArchive.open(file(zip))) {
            assertArrayEquals(ALPHA, archive.read(0));
            assertEquals(new String(BETA, StandardCharsets.US_ASCII),
                    new String(archive.read(1), StandardCharsets.US_ASCII));
        }
    }
}
