package dev.patchsite.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The two jars of the fat-jar benchmark, from the same library jars: a Spring Boot layout ({@code BOOT-INF/lib/}
 * holding each jar stored, as spring-boot-maven-plugin writes it, with {@code BOOT-INF/classpath.idx}), and one plain
 * jar of the same classes (every {@code .class} entry outside {@code META-INF/}, the first of a name winning, as on
 * the fat jar's class path), copied raw, still deflated as the library jars had them.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.patchsite.benchmarks.MakeFatJar FAT.jar PLAIN.jar LIB.jar...
 * </pre>
 *
 * Entries have a fixed time, so the same jars give the same bytes. Prints {@code fat=<bytes> plain=<bytes>
 * classes=<n> jars=<n>}. Exit codes: 0 ok, 1 I/O error, 2 usage.
 */
public final class MakeFatJar {

    private static final long TIME = 1_700_000_000_000L;

    private MakeFatJar() {
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: java -cp benchmarks.jar dev.patchsite.benchmarks.MakeFatJar FAT.jar PLAIN.jar"
                    + " LIB.jar...");
            System.exit(2);
        }
        List<Path> libs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            libs.add(Paths.get(args[i]));
        }
        try {
            writeFat(Paths.get(args[0]), libs);
            int classes = writePlain(Paths.get(args[1]), libs);
            System.out.println("fat=" + Files.size(Paths.get(args[0])) + " plain=" + Files.size(Paths.get(args[1]))
                    + " classes=" + classes + " jars=" + libs.size());
        } catch (IOException e) {
            System.err.println("MakeFatJar: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void writeFat(Path fat, List<Path> libs) throws IOException {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(fat)) {
            add(out, "META-INF/MANIFEST.MF", ("Manifest-Version: 1.0\r\nSpring-Boot-Classes: BOOT-INF/classes/\r\n"
                    + "Spring-Boot-Lib: BOOT-INF/lib/\r\nSpring-Boot-Classpath-Index: BOOT-INF/classpath.idx\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8), ZipEntry.DEFLATED);
            add(out, "BOOT-INF/", new byte[0], ZipEntry.STORED);
            add(out, "BOOT-INF/classes/", new byte[0], ZipEntry.STORED);
            add(out, "BOOT-INF/lib/", new byte[0], ZipEntry.STORED);
            StringBuilder index = new StringBuilder();
            for (Path lib : libs) {
                String name = "BOOT-INF/lib/" + lib.getFileName();
                add(out, name, Files.readAllBytes(lib), ZipEntry.STORED);
                index.append("- \"").append(name).append("\"\n");
            }
            add(out, "BOOT-INF/classpath.idx", index.toString().getBytes(StandardCharsets.UTF_8), ZipEntry.DEFLATED);
        }
    }

    private static int writePlain(Path plain, List<Path> libs) throws IOException {
        Set<String> taken = new HashSet<>();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(plain)) {
            add(out, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.UTF_8),
                    ZipEntry.DEFLATED);
            for (Path lib : libs) {
                try (ZipFile zip = ZipFile.builder().setPath(lib).get()) {
                    for (Enumeration<ZipArchiveEntry> e = zip.getEntriesInPhysicalOrder(); e.hasMoreElements(); ) {
                        ZipArchiveEntry entry = e.nextElement();
                        String name = entry.getName();
                        if (entry.isDirectory() || !name.endsWith(".class") || name.startsWith("META-INF/")
                                || !taken.add(name)) {
                            continue;
                        }
                        ZipArchiveEntry copy = new ZipArchiveEntry(name);
                        copy.setMethod(entry.getMethod());
                        copy.setCrc(entry.getCrc());
                        copy.setSize(entry.getSize());
                        copy.setCompressedSize(entry.getCompressedSize());
                        copy.setTime(TIME);
                        try (InputStream raw = zip.getRawInputStream(entry)) {
                            out.addRawArchiveEntry(copy, raw);
                        }
                    }
                }
            }
        }
        return taken.size();
    }

    private static void add(ZipArchiveOutputStream out, String name, byte[] bytes, int method) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setTime(TIME);
        entry.setMethod(method);
        if (method == ZipEntry.STORED) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry.setCrc(crc.getValue());
            entry.setSize(bytes.length);
            entry.setCompressedSize(bytes.length);
        }
        out.putArchiveEntry(entry);
        out.write(bytes);
        out.closeArchiveEntry();
    }
}
