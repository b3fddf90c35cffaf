package dev.patchsite.linker.internal.input;

import dev.patchsite.linker.internal.zip.ZipArchive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where an archive keeps classes its launcher or container loads under other names than their entries': a Spring
 * Boot executable jar ({@code BOOT-INF/classes/}, the jars in {@code BOOT-INF/lib/}) or a web archive
 * ({@code WEB-INF/classes/}, the jars in {@code WEB-INF/lib/} and, in a Spring Boot executable war,
 * {@code WEB-INF/lib-provided/}). The nested jars are in the order the launcher puts them on its class path: the order
 * of the archive's {@code classpath.idx}, if it has one, then every other nested jar in entry order. Classes at the
 * top level (Spring Boot's launcher) come first: the JVM's application class loader, their loader, is the parent
 * of the launcher's.
 *
 * <p>Only these two layouts are read: a jar inside a jar elsewhere (under {@code lib/}, say, as One-JAR lays one
 * out) is on no class path the JVM knows of, so it is an entry like any other, neither scanned nor linked.
 *
 * @param classes the prefix of the class directory's entries, e.g. {@code BOOT-INF/classes/}; null for a plain jar
 * @param libs the entry names of the nested jars, in class path order; empty for a plain jar
 */
public record ArchiveLayout(String classes, List<String> libs) {

    /** A plain jar: classes at the top level only. */
    public static final ArchiveLayout PLAIN = new ArchiveLayout(null, List.of());

    private static final String BOOT = "BOOT-INF/";
    private static final String WEB = "WEB-INF/";

    /** Returns the entry name of the archive's {@code layers.idx}, e.g. {@code BOOT-INF/layers.idx}; null if plain. */
    public String layersIndex() {
        return classes == null ? null : classes.substring(0, classes.length() - "classes/".length()) + "layers.idx";
    }

    /** Returns whether this is a Spring Boot or web archive. */
    public boolean nested() {
        return classes != null;
    }

    /**
     * Returns the layout of an archive.
     *
     * @param zip the archive
     * @return its layout; {@link #PLAIN} unless it has entries under {@code BOOT-INF/} or {@code WEB-INF/}
     * @throws IOException if its {@code classpath.idx} cannot be read
     */
    public static ArchiveLayout of(ZipArchive zip) throws IOException {
        String root = root(zip);
        if (root == null) {
            return PLAIN;
        }
        List<String> libDirectories = root.equals(BOOT) ? List.of(BOOT + "lib/")
                : List.of(WEB + "lib/", WEB + "lib-provided/");
        Set<String> libs = new LinkedHashSet<>();
        int index = zip.find(root + "classpath.idx");
        if (index >= 0) {
            for (String line : new String(zip.read(index), StandardCharsets.UTF_8).split("\r?\n")) {
                String lib = indexed(line);
                if (lib != null && isLib(lib, libDirectories) && zip.find(lib) >= 0) {
                    libs.add(lib);
                }
            }
        }
        for (int entry = 0; entry < zip.size(); entry++) {
            String name = zip.name(entry);
            if (isLib(name, libDirectories)) {
                libs.add(name);
            }
        }
        return new ArchiveLayout(root + "classes/", List.copyOf(libs));
    }

    /** Returns {@code BOOT-INF/} or {@code WEB-INF/} if the archive has entries under it, else null. */
    private static String root(ZipArchive zip) {
        byte[] boot = BOOT.getBytes(StandardCharsets.UTF_8);
        byte[] web = WEB.getBytes(StandardCharsets.UTF_8);
        String root = null;
        for (int entry = 0; entry < zip.size() && root == null; entry++) {
            root = zip.nameStartsWith(entry, boot) ? BOOT : zip.nameStartsWith(entry, web) ? WEB : null;
        }
        return root;
    }

    /** Returns the entry a line of {@code classpath.idx} names ({@code - "BOOT-INF/lib/x.jar"}), or null. */
    private static String indexed(String line) {
        String trimmed = line.trim();
        if (!trimmed.startsWith("- \"") || !trimmed.endsWith("\"") || trimmed.length() < 4) {
            return null;
        }
        return trimmed.substring(3, trimmed.length() - 1);
    }

    /** Whether an entry is a jar directly in one of the nested jars' directories. */
    private static boolean isLib(String name, List<String> directories) {
        for (String directory : directories) {
            if (name.startsWith(directory) && name.endsWith(".jar") && name.indexOf('/', directory.length()) < 0
                    && name.length() > directory.length() + 4) {
                return true;
            }
        }
        return false;
    }
}
