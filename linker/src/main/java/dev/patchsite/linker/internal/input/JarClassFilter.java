package dev.patchsite.linker.internal.input;

import dev.patchsite.linker.internal.zip.ZipArchive;
import java.nio.charset.StandardCharsets;

/**
 * Tells the class entries of a jar's class root, and their release ({@link ClassPaths#release}), from the bytes of
 * their names where the jar's directory holds them: almost every entry of a big jar is a base class, told without a
 * string of its name (making one per entry was a tenth of a rescan that found 1% of a jar's classes changed); the
 * few others are decided on their names as strings, by {@link ClassPaths#release} itself.
 */
final class JarClassFilter {

    private static final byte[] CLASS = ".class".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NAMELESS_CLASS = "/.class".getBytes(StandardCharsets.US_ASCII);

    private final String root;
    private final byte[] rootBytes;
    /** The prefixes, after the root, under which {@link ClassPaths#release} is not plainly 0 for a class file. */
    private final byte[][] special;

    /**
     * Makes the filter of a class root.
     *
     * @param root the prefix of the class root's entries: empty for the top level, e.g. {@code BOOT-INF/classes/}
     */
    JarClassFilter(String root) {
        this.root = root;
        this.rootBytes = root.getBytes(StandardCharsets.UTF_8);
        this.special = new byte[][] {bytes(root + "META-INF/"), bytes(root + "BOOT-INF/"), bytes(root + "WEB-INF/")};
    }

    /**
     * Returns the release of an entry as {@link ClassPaths#release} gives it for the entry's path under the root, or
     * -1 if the entry is not under the root or is not a class the JVM could load from this input.
     *
     * @param zip the jar
     * @param entry the entry
     * @return the release, 0 for a base class, or -1
     */
    int release(ZipArchive zip, int entry) {
        if (!zip.nameStartsWith(entry, rootBytes) || !zip.nameEndsWith(entry, CLASS, false)) {
            return -1;
        }
        boolean plain = !zip.nameEndsWith(entry, NAMELESS_CLASS, false)
                && zip.nameLength(entry) > rootBytes.length + CLASS.length;
        for (int i = 0; plain && i < special.length; i++) {
            plain = !zip.nameStartsWith(entry, special[i]);
        }
        return plain ? 0 : ClassPaths.release(zip.name(entry).substring(root.length()));
    }

    private static byte[] bytes(String prefix) {
        return prefix.getBytes(StandardCharsets.UTF_8);
    }
}
