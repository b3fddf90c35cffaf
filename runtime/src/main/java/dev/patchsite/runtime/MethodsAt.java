package dev.patchsite.runtime;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Finds the methods whose code holds given instructions of a class file: the one walk over a class's structure the
 * runtime makes, and only for {@code -Dpatchsite.verbose=true}'s report of activations an update cannot reach
 * ({@link RunningActivations}). The agent itself never parses a class: it finds its patch data at the end.
 */
final class MethodsAt {

    private MethodsAt() {
    }

    /**
     * Returns the names of the methods whose {@code Code} holds any of the offsets.
     *
     * @param classFile the class file
     * @param offsets offsets of instructions in the class file
     * @return the methods' names, in class-file order
     * @throws RuntimeException if the class file is malformed (a class is data; the caller reports nothing then)
     */
    static Set<String> of(byte[] classFile, int[] offsets) {
        int count = u2(classFile, 8);
        int[] utf8 = new int[count];
        int at = 10;
        for (int i = 1; i < count; i++) {
            int tag = classFile[at] & 0xff;
            if (tag == 1) {
                utf8[i] = at;
                at += 3 + u2(classFile, at + 1);
            } else if (tag == 5 || tag == 6) {
                at += 9;
                i++;
            } else if (tag == 7 || tag == 8 || tag == 16 || tag == 19 || tag == 20) {
                at += 3;
            } else if (tag == 15) {
                at += 4;
            } else if (tag == 3 || tag == 4 || tag >= 9 && tag <= 12 || tag == 17 || tag == 18) {
                at += 5;
            } else {
                throw new IllegalStateException("constant pool tag " + tag);
            }
        }
        at += 6;
        at += 2 + 2 * u2(classFile, at);
        int fields = u2(classFile, at);
        at += 2;
        for (int f = 0; f < fields; f++) {
            at = skipAttributes(classFile, at + 6);
        }
        Set<String> methods = new LinkedHashSet<String>();
        int methodCount = u2(classFile, at);
        at += 2;
        for (int m = 0; m < methodCount; m++) {
            String name = utf(classFile, utf8[u2(classFile, at + 2)]);
            int attributes = at + 6;
            int attribute = attributes + 2;
            for (int a = u2(classFile, attributes); a > 0; a--) {
                int length = u4(classFile, attribute + 2);
                if ("Code".equals(utf(classFile, utf8[u2(classFile, attribute)]))) {
                    int code = attribute + 6 + 8;
                    int end = code + u4(classFile, attribute + 6 + 4);
                    for (int offset : offsets) {
                        if (offset >= code && offset < end) {
                            methods.add(name);
                        }
                    }
                }
                attribute += 6 + length;
            }
            at = attribute;
        }
        return methods;
    }

    private static int skipAttributes(byte[] classFile, int table) {
        int at = table + 2;
        for (int a = u2(classFile, table); a > 0; a--) {
            at += 6 + u4(classFile, at + 2);
        }
        return at;
    }

    private static String utf(byte[] classFile, int at) {
        // Names of methods and of the Code attribute are ASCII in practice; modified UTF-8 differs only elsewhere.
        return new String(classFile, at + 3, u2(classFile, at + 1), StandardCharsets.UTF_8);
    }

    private static int u2(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
    }

    private static int u4(byte[] bytes, int at) {
        return PatchData.u4(bytes, at);
    }
}
