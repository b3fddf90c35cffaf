package dev.patchsite.linker.link;

import dev.patchsite.runtime.Bootstrap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The runtime's class files, read from wherever the linker loaded them (the runtime jar, a classes directory, or
 * the linker's own executable jar), to embed into linked jars: the classes of package {@code dev.patchsite} and of
 * {@code dev.patchsite.runtime}, nothing else.
 */
final class RuntimeClasses {

    /** The class whose presence in an input means the program brings its own runtime, and which says its level. */
    static final String MARKER_CLASS = "dev/patchsite/runtime/Bootstrap";
    /** The entry of {@link #MARKER_CLASS}. */
    static final String MARKER = MARKER_CLASS + ".class";
    /** The level of runtime the code this linker writes needs: the one it was built with ({@link Bootstrap#LEVEL}). */
    static final int LEVEL = Bootstrap.LEVEL;

    private static Map<String, byte[]> classes;

    private RuntimeClasses() {
    }

    /** Returns the runtime's class files by entry name, sorted. */
    static synchronized Map<String, byte[]> all() {
        if (classes == null) {
            classes = read();
        }
        return classes;
    }

    private static Map<String, byte[]> read() {
        Map<String, byte[]> found = new TreeMap<>();
        try {
            Path location = Path.of(Bootstrap.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location.resolve("dev/patchsite"))) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        String name = location.relativize(file).toString().replace('\\', '/');
                        if (isRuntime(name)) {
                            found.put(name, Files.readAllBytes(file));
                        }
                    }
                }
            } else {
                try (ZipFile jar = new ZipFile(location.toFile())) {
                    for (ZipEntry entry : java.util.Collections.list(jar.entries())) {
                        if (isRuntime(entry.getName())) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                found.put(entry.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the patchsite runtime's classes", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the patchsite runtime's classes", e);
        }
        if (!found.containsKey(MARKER)) {
            throw new IllegalStateException("the patchsite runtime's classes are not where " + MARKER + " was loaded");
        }
        return found;
    }

    /**
     * Returns the level of a runtime, read from its {@code Bootstrap} class file: 0 for a runtime from before levels,
     * or for bytes that are no class file (which its scan reports).
     *
     * @param bootstrap the class file of {@value #MARKER}
     * @return the level
     */
    static int levelOf(byte[] bootstrap) {
        int[] level = {0};
        try {
            new ClassReader(bootstrap).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                        Object value) {
                    if (name.equals("LEVEL") && descriptor.equals("I") && value instanceof Integer constant) {
                        level[0] = constant;
                    }
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            return 0;
        }
        return level[0];
    }

    private static boolean isRuntime(String name) {
        if (!name.endsWith(".class") || !name.startsWith("dev/patchsite/")) {
            return false;
        }
        String rest = name.substring("dev/patchsite/".length());
        return rest.indexOf('/') < 0 || rest.startsWith("runtime/") && rest.indexOf('/', "runtime/".length()) < 0;
    }
}
