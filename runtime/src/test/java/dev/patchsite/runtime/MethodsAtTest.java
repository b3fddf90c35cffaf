package dev.patchsite.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import org.junit.jupiter.api.Test;

/** Finding the methods that hold instructions, in a class javac compiled: {@link Fixture}. */
class MethodsAtTest {

    /** Two methods, each with an {@code sipush} of its own value, findable in the class file's bytes. */
    static final class Fixture {
        static String text = "a field, so that the walk skips one";

        static int first() {
            return 12345;
        }

        static int second() {
            return 23456;
        }
    }

    @Test
    void findsTheMethodWhoseCodeHoldsEachOffset() throws IOException {
        byte[] classFile;
        try (InputStream in = Fixture.class.getResourceAsStream("MethodsAtTest$Fixture.class")) {
            classFile = in.readAllBytes();
        }
        int first = indexOf(classFile, new byte[] {0x11, 0x30, 0x39});
        int second = indexOf(classFile, new byte[] {0x11, 0x5b, (byte) 0xa0});

        assertEquals(Collections.singleton("first"), MethodsAt.of(classFile, new int[] {first}));
        assertEquals(new LinkedHashSet<String>(Arrays.asList("first", "second")),
                MethodsAt.of(classFile, new int[] {second, first}));
        assertEquals(Collections.emptySet(), MethodsAt.of(classFile, new int[] {9}), "an offset in the pool");
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(bytes, i, i + pattern.length), pattern)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
