package dev.patchsite.linker.link;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.internal.input.Jars;
import dev.patchsite.linker.internal.zip.ZipArchive;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an executable jar reaches the patchsite runtime when {@code java -jar} runs it. {@code java -jar} ignores
 * {@code -cp}: the class path is the jar and the jars and directories its manifest's {@code Class-Path} names, as
 * URLs relative to the jar's directory. A jar or directory holds the runtime if it has
 * {@value RuntimeClasses#MARKER}. A {@code Class-Path} entry reaches the runtime if the file it names holds it, or,
 * when that file is not there (yet: a build may copy the dependencies beside the jar after linking it), if its file
 * name is that of a jar on the class path the program is linked with that holds the runtime.
 */
public final class RuntimeReach {

    private RuntimeReach() {
    }

    /**
     * Returns the file or directory of a manifest's {@code Class-Path} through which a jar reaches the runtime, or
     * null.
     *
     * @param jar where the jar is, or will be, run from
     * @param classPathAttribute the value of the manifest's {@code Class-Path}, may be null
     * @param linkClasspath the jars and directories the program is linked (or verified) with
     * @return the file or directory, or null
     */
    public static Path viaClassPath(Path jar, String classPathAttribute, List<Path> linkClasspath) {
        for (Path file : classPath(jar, classPathAttribute)) {
            if (Files.exists(file) ? holds(file, RuntimeClasses.MARKER) : linkClasspath.stream().anyMatch(
                    given -> file.getFileName().equals(given.getFileName()) && holds(given, RuntimeClasses.MARKER))) {
                return file;
            }
        }
        return null;
    }

    /**
     * Returns the files and directories a manifest's {@code Class-Path} names, in order: each entry is a URL relative
     * to the jar's directory, or absolute; entries that are not file URLs are left out (the JDK ignores them).
     *
     * @param jar where the jar is, or will be, run from
     * @param classPathAttribute the value of the manifest's {@code Class-Path}, may be null
     * @return the paths, which need not exist
     */
    public static List<Path> classPath(Path jar, String classPathAttribute) {
        List<Path> files = new ArrayList<>();
        if (classPathAttribute == null || classPathAttribute.isBlank()) {
            return files;
        }
        URI base = jar.toAbsolutePath().getParent().toUri();
        for (String entry : classPathAttribute.trim().split("\\s+")) {
            try {
                URI uri = base.resolve(entry);
                if ("file".equalsIgnoreCase(uri.getScheme()) && uri.getPath() != null && !uri.getPath().equals("/")) {
                    files.add(Path.of(uri));
                }
            } catch (IllegalArgumentException e) {
                // Not a URL: the JDK skips it too.
            }
        }
        return files;
    }

    /**
     * Returns whether a jar holds the runtime's classes.
     *
     * @param zip the jar
     * @return true if it holds them
     */
    public static boolean holdsRuntime(ZipArchive zip) {
        return zip.find(RuntimeClasses.MARKER) >= 0;
    }

    /**
     * Returns whether a jar or a directory of classes holds an entry.
     *
     * @param file a jar or a directory
     * @param entry an entry name, e.g. {@code a/B.class}
     * @return true if it holds it; false also if it cannot be read
     */
    public static boolean holds(Path file, String entry) {
        if (Files.isDirectory(file)) {
            return Files.isRegularFile(file.resolve(entry));
        }
        try (ZipArchive zip = Jars.open(file)) {
            return zip.find(entry) >= 0;
        } catch (IOException | InputException e) {
            return false; // a Class-Path entry the JVM cannot read either
        }
    }
}
