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

/**
 * The runtime's class files, read from wherever the linker loaded them (the runtime jar, a classes directory, or
 * the linker's own executable jar), to embed into linked jars: the classes of package {@code dev.patchsite} and of
 * {@code dev.patchsite.runtime}, nothing else.
 */
final class RuntimeClasses {

    /** The class whose presence in an input means the program brings its own runtime. */
    static final String MARKER = "dev/patchsite/runtime/Bootstrap.class";

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

    private static boolean isRuntime(String name) {
        if (!name.endsWith(".class") || !name.startsWith("dev/patchsite/")) {
            return false;
        }
        String rest = name.substring("dev/patchsite/".length());
        return rest.indexOf('/') < 0 || rest.startsWith("runtime/") && rest.indexOf('/', "runtime/".length()) < 0;
    }
}
