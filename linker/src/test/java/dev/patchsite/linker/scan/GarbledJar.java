package dev.patchsite.linker.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Writes a copy of a jar whose chosen entries cannot be inflated (their compressed bytes overwritten with an invalid
 * deflate block) while its central directory, with every name, CRC-32 and size, stays as it was: a scan that reads
 * none of those entries succeeds on it, one that reads any fails. It proves what a scan did not read.
 */
final class GarbledJar {

    private GarbledJar() {
    }

    /**
     * Copies a jar (not ZIP64), garbling the deflated entries whose names the predicate accepts.
     *
     * @return how many entries were garbled
     */
    static int write(Path jar, Path target, Predicate<String> garble) throws IOException {
        byte[] bytes = Files.readAllBytes(jar);
        ByteBuffer zip = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int end = bytes.length - 22;
        while (zip.getInt(end) != 0x06054b50) {
            end--;
        }
        int count = Short.toUnsignedInt(zip.getShort(end + 10));
        int at = zip.getInt(end + 16);
        int garbled = 0;
        for (int i = 0; i < count; i++) {
            int method = Short.toUnsignedInt(zip.getShort(at + 10));
            int compressed = zip.getInt(at + 20);
            int nameLength = Short.toUnsignedInt(zip.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(zip.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(zip.getShort(at + 32));
            int local = zip.getInt(at + 42);
            String name = new String(bytes, at + 46, nameLength, StandardCharsets.UTF_8);
            if (method == 8 && compressed > 0 && garble.test(name)) {
                int data = local + 30 + Short.toUnsignedInt(zip.getShort(local + 26))
                        + Short.toUnsignedInt(zip.getShort(local + 28));
                Arrays.fill(bytes, data, data + compressed, (byte) 0xff); // BTYPE 11: an invalid block
                garbled++;
            }
            at += 46 + nameLength + extraLength + commentLength;
        }
        Files.write(target, bytes);
        return garbled;
    }
}
