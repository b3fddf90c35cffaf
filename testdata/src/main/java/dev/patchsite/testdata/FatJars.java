package dev.patchsite.testdata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.springframework.boot.loader.launch.JarLauncher;

/**
 * Spring Boot executable jars and wars of the sample, laid out as {@code spring-boot-maven-plugin} lays them out and
 * started by Spring Boot's own launcher (spring-boot-loader, whose classes are at the top level): the application
 * ({@code sample-app.jar}) in {@code BOOT-INF/classes/} or {@code WEB-INF/classes/}, the library that declares the
 * functions ({@code sample-lib.jar}) stored in {@code BOOT-INF/lib/} or {@code WEB-INF/lib/}, listed in
 * {@code classpath.idx}. Run unlinked, they print what the sample prints.
 */
public final class FatJars {

    /** The nested library's entry in a Spring Boot jar. */
    public static final String BOOT_LIB = "BOOT-INF/lib/sample-lib.jar";
    /** The nested library's entry in a war. */
    public static final String WAR_LIB = "WEB-INF/lib/sample-lib.jar";

    private static final long TIME = 1_700_000_000_000L;

    /** The layers {@code spring-boot-maven-plugin} writes by default. */
    public static final String LAYERS = """
            - "dependencies":
              - "BOOT-INF/lib/"
            - "spring-boot-loader":
              - "org/"
            - "snapshot-dependencies":
            - "application":
              - "BOOT-INF/classes/"
              - "BOOT-INF/classpath.idx"
              - "BOOT-INF/layers.idx"
              - "META-INF/"
            """;

    private FatJars() {
    }

    /**
     * Writes a Spring Boot executable jar of the sample.
     *
     * @param file where to write it
     * @return the file
     * @throws IOException if it cannot be written
     */
    public static Path boot(Path file) throws IOException {
        return write(file, "BOOT-INF/", "org.springframework.boot.loader.launch.JarLauncher",
                Map.of(BOOT_LIB, Files.readAllBytes(Samples.jar(Samples.SAMPLE_LIB))), true);
    }

    /**
     * Writes a Spring Boot executable war of the sample, which a servlet container could deploy too.
     *
     * @param file where to write it
     * @return the file
     * @throws IOException if it cannot be written
     */
    public static Path war(Path file) throws IOException {
        return write(file, "WEB-INF/", "org.springframework.boot.loader.launch.WarLauncher",
                Map.of(WAR_LIB, Files.readAllBytes(Samples.jar(Samples.SAMPLE_LIB))), true);
    }

    /**
     * Writes a Spring Boot executable jar of the sample with other nested jars.
     *
     * @param file where to write it
     * @param libs the nested jars, by entry name, in order
     * @param stored whether to store them (the launcher needs it) or deflate them
     * @return the file
     * @throws IOException if it cannot be written
     */
    public static Path boot(Path file, Map<String, byte[]> libs, boolean stored) throws IOException {
        return write(file, "BOOT-INF/", "org.springframework.boot.loader.launch.JarLauncher", libs, stored);
    }

    private static Path write(Path file, String root, String launcher, Map<String, byte[]> libs, boolean stored)
            throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            String manifest = "Manifest-Version: 1.0\r\nMain-Class: " + launcher + "\r\nStart-Class: "
                    + Samples.MAIN_CLASS + "\r\nSpring-Boot-Version: 3.5.7\r\nSpring-Boot-Classes: " + root
                    + "classes/\r\nSpring-Boot-Lib: " + root + "lib/\r\nSpring-Boot-Classpath-Index: " + root
                    + "classpath.idx\r\n\r\n";
            deflated(out, "META-INF/MANIFEST.MF", manifest.getBytes(StandardCharsets.UTF_8));
            copy(loaderJar(), "", out, name -> name.startsWith("org/"));
            // The launcher puts the class directory on its class path only if the archive has its directory entry.
            directory(out, root);
            directory(out, root + "classes/");
            copy(Samples.jar(Samples.SAMPLE_APP), root + "classes/", out,
                    name -> !name.startsWith("META-INF/MANIFEST"));
            directory(out, root + "lib/");
            StringBuilder index = new StringBuilder();
            for (Map.Entry<String, byte[]> lib : libs.entrySet()) {
                if (stored) {
                    stored(out, lib.getKey(), lib.getValue());
                } else {
                    deflated(out, lib.getKey(), lib.getValue());
                }
                index.append("- \"").append(lib.getKey()).append("\"\n");
            }
            deflated(out, root + "classpath.idx", index.toString().getBytes(StandardCharsets.UTF_8));
            if (root.equals("BOOT-INF/")) {
                deflated(out, root + "layers.idx", LAYERS.getBytes(StandardCharsets.UTF_8));
            }
        }
        return file;
    }

    /** Returns the spring-boot-loader jar the tests run with. */
    public static Path loaderJar() {
        try {
            return Path.of(JarLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns a jar's entries, files only, by name, in order. */
    public static Map<String, byte[]> entries(Path jar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        entries.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return entries;
    }

    /** Returns a jar made of the given entries, deflated, in order. */
    public static byte[] jar(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                deflated(out, entry.getKey(), entry.getValue());
            }
        }
        return bytes.toByteArray();
    }

    private static void copy(Path jar, String prefix, ZipOutputStream out, Predicate<String> take)
            throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory() && take.test(entry.getName())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        deflated(out, prefix + entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
    }

    private static void directory(ZipOutputStream out, String name) throws IOException {
        deflated(out, name, new byte[0]);
    }

    private static void deflated(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(TIME);
        out.putNextEntry(entry);
        out.write(bytes);
        out.closeEntry();
    }

    /** Adds an entry stored, as Spring Boot's plugin adds nested jars: sizes and CRC known before the data. */
    public static void stored(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(TIME);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        out.putNextEntry(entry);
        out.write(bytes);
        out.closeEntry();
    }

    /** Returns the CRC-32 of bytes. */
    public static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
