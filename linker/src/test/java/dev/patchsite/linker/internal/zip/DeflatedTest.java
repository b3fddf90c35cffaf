package dev.patchsite.linker.internal.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Deflated#of} gives a raw deflate stream that {@code new Inflater(true)} turns back into the bytes given,
 * with their CRC-32 and length; it resets the deflater it is lent, so one deflater serves any number of entries,
 * whatever it did before, and gives the same stream each time.
 */
class DeflatedTest {

    private Deflater deflater;

    @BeforeEach
    void createDeflater() {
        deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    }

    @AfterEach
    void endDeflater() {
        deflater.end();
    }

    /** Inflates a raw deflate stream, which must end exactly where the data does, with nothing missing. */
    private static byte[] inflate(byte[] data, int expectedLength) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1000];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && !inflater.finished() && inflater.needsInput()) {
                    throw new AssertionError("deflate stream of " + data.length + " bytes ends before its last"
                            + " block after " + out.size() + " bytes of " + expectedLength);
                }
                out.write(buffer, 0, n);
            }
            assertEquals(0, inflater.getRemaining(), "bytes after the deflate stream");
            assertEquals(data.length, inflater.getBytesRead(), "deflate stream length");
            assertEquals(expectedLength, out.size());
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    @Test
    void roundTripsThroughARawInflater() throws DataFormatException {
        List<byte[]> inputs = List.of(new byte[0], new byte[] {42}, ZipFixtures.text(1, 100),
                ZipFixtures.text(2, 300_000), ZipFixtures.random(3, 100_000), new byte[1 << 20]);
        for (byte[] input : inputs) {
            Deflated deflated = Deflated.of(input, deflater);
            assertArrayEquals(input, inflate(deflated.data(), input.length), "length " + input.length);
            assertEquals(input.length, deflated.size());
            assertEquals(ZipFixtures.crc(input), deflated.crc());
        }
    }

    @Test
    void knownValues() {
        Deflated empty = Deflated.of(new byte[0], deflater);
        assertArrayEquals(new byte[] {3, 0}, empty.data());
        assertEquals(0, empty.size());
        assertEquals(0L, empty.crc());
        Deflated hello = Deflated.of("hello".getBytes(StandardCharsets.US_ASCII), deflater);
        assertEquals(5, hello.size());
        assertEquals(0x3610a686L, hello.crc());
        // A CRC with the top bit set stays positive.
        Deflated a = Deflated.of("The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII),
                deflater);
        assertEquals(0x414FA339L, a.crc());
    }

    @Test
    void compressesAndLeavesOutputLongerThanItsBufferWhole() throws DataFormatException {
        byte[] text = ZipFixtures.text(4, 1 << 20);
        Deflated deflated = Deflated.of(text, deflater);
        assertTrue(deflated.data().length < text.length / 2, deflated.data().length + " bytes");
        // Incompressible input deflates to more than the 8 KiB buffer several times over.
        byte[] random = ZipFixtures.random(5, 50_000);
        Deflated stored = Deflated.of(random, deflater);
        assertTrue(stored.data().length >= 50_000, stored.data().length + " bytes");
        assertArrayEquals(random, inflate(stored.data(), random.length));
    }

    @Test
    void resetsTheDeflaterSoThatReuseGivesTheSameStream() throws DataFormatException {
        byte[] input = ZipFixtures.text(6, 20_000);
        byte[] fresh = Deflated.of(input, deflater).data();
        // Leave the deflater mid-stream, then finished on other input: neither may leak into the next entry.
        deflater.setInput(ZipFixtures.random(7, 5000));
        deflater.deflate(new byte[100]);
        byte[] afterPartial = Deflated.of(input, deflater).data();
        Deflated.of(ZipFixtures.random(8, 3000), deflater);
        byte[] afterOther = Deflated.of(input, deflater).data();
        assertArrayEquals(fresh, afterPartial);
        assertArrayEquals(fresh, afterOther);
        assertArrayEquals(input, inflate(afterOther, input.length));
    }

    @Test
    void honoursTheDeflatersLevel() throws DataFormatException {
        byte[] input = ZipFixtures.text(9, 50_000);
        Deflater none = new Deflater(Deflater.NO_COMPRESSION, true);
        Deflater best = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            Deflated stored = Deflated.of(input, none);
            Deflated smallest = Deflated.of(input, best);
            assertTrue(stored.data().length > input.length, stored.data().length + " bytes");
            assertTrue(smallest.data().length <= Deflated.of(input, deflater).data().length);
            assertArrayEquals(input, inflate(stored.data(), input.length));
            assertArrayEquals(input, inflate(smallest.data(), input.length));
            assertEquals(stored.crc(), smallest.crc());
        } finally {
            none.end();
            best.end();
        }
    }
}
