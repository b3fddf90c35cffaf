package dev.patchsite.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Fuzzes the runtime's patch-data parser on arbitrary bytes that end in the patch data's magic: the agent's
 * transformers (of sealed and of updatable groups) never throw (a class load must not fail) and change nothing but
 * the three bytes of {@code invokestatic} instructions (an operand, or the whole call patched out); the linker's {@link PatchData#patchOffsets} (what {@code verify} reads) gives offsets or refuses
 * with an {@link IllegalStateException} that says why, never another exception.
 */
class PatchDataFuzzTest {

    private static final byte[] MAGIC = {0x50, 0x53, 0x49, 0x54};

    @FuzzTest
    void parse(byte[] body) {
        byte[] classFile = Arrays.copyOf(body, body.length + MAGIC.length);
        System.arraycopy(MAGIC, 0, classFile, body.length, MAGIC.length);
        byte[] original = classFile.clone();

        for (boolean updatable : new boolean[] {false, true}) {
            byte[] patched = new SitePatcher(updatable).transform(PatchDataFuzzTest.class.getClassLoader(), "fuzz/C",
                    null, null, classFile);
            assertTrue(Arrays.equals(original, classFile), "the transformer changed its input");
            if (patched != null) {
                assertEquals(classFile.length, patched.length, "a patched class of another length");
                for (int i = 0; i < patched.length; i++) {
                    if (patched[i] != original[i]) {
                        boolean call = (original[i] & 0xff) == PatchData.INVOKESTATIC
                                || i >= 1 && (original[i - 1] & 0xff) == PatchData.INVOKESTATIC
                                || i >= 2 && (original[i - 2] & 0xff) == PatchData.INVOKESTATIC;
                        assertTrue(call, "byte " + i + " changed, not in an invokestatic");
                    }
                }
            }
        }
        try {
            // An offset outside the class is no harm: verify only looks sites' offsets up in the result.
            PatchData.patchOffsets(classFile);
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a refusal without a message");
        }
    }
}
