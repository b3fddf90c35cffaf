package dev.patchsite.testdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each generator's output has exactly the defect its Javadoc announces, and nothing else is wrong with it. */
class BadInputsTest {

    @TempDir
    Path tmp;

    @Test
    void truncatedJarIsTheFirstHalfAndNotAZip() throws IOException {
        Path valid = BadInputs.malformedClassJar(tmp.resolve("valid.jar"));
        try (ZipFile zip = new ZipFile(valid.toFile())) {
            assertEquals(3, zip.size());
        }
        Path truncated = BadInputs.truncatedJar(valid, tmp.resolve("truncated.jar"));

        byte[] whole = Files.readAllBytes(valid);
        assertArrayEquals(Arrays.copyOf(whole, whole.length / 2), Files.readAllBytes(truncated));
        assertThrows(ZipException.class, () -> new ZipFile(truncated.toFile()).close());
        assertThrows(ZipException.class, () -> new JarFile(truncated.toFile()).close());
    }

    @Test
    void corruptEntryJarOpensButTheClassDoesNotInflate() throws IOException {
        Path jar = BadInputs.corruptEntryJar(tmp.resolve("corrupt.jar"));

        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertEquals(Arrays.asList("META-INF/MANIFEST.MF", "bad/Corrupt.class", "x/Good.class"), names(zip));
            ZipEntry corrupt = zip.getEntry("bad/Corrupt.class");
            assertEquals(ZipEntry.DEFLATED, corrupt.getMethod());
            assertEquals(16, corrupt.getCompressedSize());
            assertEquals(256, corrupt.getSize());
            ZipException e = assertThrows(ZipException.class, () -> readAll(zip, corrupt));
            assertTrue(e.getMessage().contains("invalid block type"), e.getMessage());

            byte[] good = readAll(zip, zip.getEntry("x/Good.class"));
            assertEquals(0xCAFEBABE, ByteBuffer.wrap(good).getInt());
            assertEquals("x.Good", define("x.Good", good).getName());
            assertTrue(new String(readAll(zip, zip.getEntry("META-INF/MANIFEST.MF")), StandardCharsets.US_ASCII)
                    .startsWith("Manifest-Version: 1.0"));
        }
    }

    @Test
    void notAJarIsText() throws IOException {
        Path file = BadInputs.notAJar(tmp.resolve("not-a-jar.jar"));

        assertTrue(Files.readString(file).startsWith("This is a text file"));
        assertThrows(ZipException.class, () -> new ZipFile(file.toFile()).close());
    }

    @Test
    void malformedClassJarHoldsATruncatedConstantPool() throws IOException {
        Path jar = BadInputs.malformedClassJar(tmp.resolve("malformed.jar"));

        try (JarFile zip = new JarFile(jar.toFile())) {
            assertEquals(Arrays.asList("META-INF/MANIFEST.MF", "bad/Broken.class", "x/Good.class"), names(zip));
            byte[] broken = readAll(zip, zip.getEntry("bad/Broken.class"));
            ByteBuffer header = ByteBuffer.wrap(broken);
            assertEquals(0xCAFEBABE, header.getInt());
            assertEquals(0, header.getShort());
            assertEquals(52, header.getShort());
            assertEquals(40, header.getShort());
            // Three entries: Utf8 "bad/Broken" (13 bytes), Class (3), Utf8 "java/lang/Object" (19).
            assertEquals(10 + 13 + 3 + 19, broken.length);
            assertThrows(ClassFormatError.class, () -> define("bad.Broken", broken));

            define("x.Good", readAll(zip, zip.getEntry("x/Good.class")));
        }
    }

    @Test
    void badMagicClassDirHoldsOneClassWithTheWrongMagic() throws IOException {
        Path dir = BadInputs.badMagicClassDir(tmp.resolve("classes"));

        byte[] bad = Files.readAllBytes(dir.resolve("x/Bad.class"));
        assertEquals(0xCAFEBABF, ByteBuffer.wrap(bad).getInt());
        ClassFormatError e = assertThrows(ClassFormatError.class, () -> define("x.Bad", bad));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());

        bad[3] = (byte) 0xBE;
        define("x.Bad", bad); // nothing else is wrong with it
        define("x.Good", Files.readAllBytes(dir.resolve("x/Good.class")));
    }

    @Test
    void duplicateEntryJarNamesOneClassTwice() throws IOException {
        Path jar = BadInputs.duplicateEntryJar(tmp.resolve("duplicate.jar"));

        List<String> names = new ArrayList<>();
        List<byte[]> classes = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                if (e.getName().endsWith(".class")) {
                    classes.add(in.readAllBytes());
                }
            }
        }
        assertEquals(Arrays.asList("META-INF/MANIFEST.MF", "a/A.class", "a/A.class"), names);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertEquals(3, zip.size(), "both are in the central directory");
        }
        assertEquals(Collections.emptyList(), methods(define("a.A", classes.get(0))));
        assertEquals(Collections.singletonList("second"), methods(define("a.A", classes.get(1))));
    }

    @Test
    void oldClassCallingFunctionIsAJava6ClassThatCallsSlowpath() throws Exception {
        Path classes = tmp.resolve("old");
        Path file = BadInputs.oldClassCallingFunction(classes, "old/Caller");

        assertEquals(classes.resolve("old/Caller.class"), file);
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(file));
        assertEquals(0xCAFEBABE, header.getInt());
        assertEquals(0, header.getShort());
        assertEquals(50, header.getShort());

        // With the sample library next to it, it verifies, links and runs: run(lock, 0) takes the lock.
        URL[] path = {classes.toUri().toURL(), SampleTest.sampleClasses("sample-lib-classes").toUri().toURL()};
        try (URLClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
            Class<?> qlock = loader.loadClass("dev.patchsite.sample.lock.QLock");
            Object lock = qlock.getConstructor(String.class).newInstance("old");
            Class<?> caller = Class.forName("old.Caller", true, loader);
            caller.getMethod("run", qlock, int.class).invoke(null, lock, 0);
            assertEquals(true, qlock.getMethod("isLocked").invoke(lock));
        }
    }

    private static List<String> names(ZipFile zip) {
        List<String> names = new ArrayList<>();
        zip.stream().forEach(e -> names.add(e.getName()));
        return names;
    }

    private static byte[] readAll(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static List<String> methods(Class<?> c) {
        List<String> names = new ArrayList<>();
        for (Method m : c.getDeclaredMethods()) {
            names.add(m.getName());
        }
        return names;
    }

    /** Defines and links a class in a fresh loader (which is what checks its format). */
    private static Class<?> define(String name, byte[] bytes) {
        Class<?> c = new ClassLoader(null) {
            Class<?> define() {
                return defineClass(name, bytes, 0, bytes.length);
            }
        }.define();
        c.getDeclaredMethods();
        return c;
    }
}
