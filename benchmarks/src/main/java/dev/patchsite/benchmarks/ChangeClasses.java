package dev.patchsite.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

/**
 * Writes a copy of a jar in which one class entry in N (every Nth, in the jar's order) is changed and every other
 * entry is copied raw, with the same compressed bytes, CRC-32 and sizes: the jar a build makes after a change to a
 * few classes, for the scan cache's benchmark ({@code cache-bench.sh}). A class is changed by adding one unused
 * string constant to its pool ({@code ClassWriter(reader, 0)} keeps the rest as it is), so it stays valid and has
 * the same sites. Deterministic: the same jar gives the same copy.
 *
 * <pre>
 * java -cp benchmarks.jar dev.patchsite.benchmarks.ChangeClasses IN.jar OUT.jar [EVERY]   (default EVERY: 100, 1%)
 * </pre>
 */
public final class ChangeClasses {

    private ChangeClasses() {
    }

    /**
     * Runs the tool.
     *
     * @param args the input jar, the output jar and how many classes per changed one
     * @throws IOException if a jar cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: ChangeClasses IN.jar OUT.jar [EVERY]");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int every = args.length == 3 ? Integer.parseInt(args[2]) : 100;
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), out.getFileName().toString(), ".tmp");
        int classes = 0;
        int changed = 0;
        try (ZipFile zip = ZipFile.builder().setPath(in).get();
                ZipArchiveOutputStream zos = new ZipArchiveOutputStream(tmp)) {
            zos.setUseZip64(Zip64Mode.AsNeeded);
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntriesInPhysicalOrder());
            for (ZipArchiveEntry entry : entries) {
                boolean isClass = entry.getName().endsWith(".class") && !entry.isDirectory();
                if (isClass && classes++ % every == 0) {
                    byte[] bytes;
                    try (InputStream stream = zip.getInputStream(entry)) {
                        bytes = change(stream.readAllBytes());
                    }
                    ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    copy.setMethod(ZipArchiveEntry.DEFLATED);
                    zos.putArchiveEntry(copy);
                    zos.write(bytes);
                    zos.closeArchiveEntry();
                    changed++;
                } else {
                    try (InputStream raw = zip.getRawInputStream(entry)) {
                        zos.addRawArchiveEntry(entry, raw == null ? new ByteArrayInputStream(new byte[0]) : raw);
                    }
                }
            }
        }
        try {
            // createTempFile makes it owner-only; give it the usual permissions of a build output.
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // keep the defaults
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("wrote " + out + ": classes=" + classes + " changed=" + changed);
    }

    /** Adds an unused constant to a class's pool. */
    private static byte[] change(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(writer, 0);
        writer.newUTF8("patchsite benchmark: changed");
        return writer.toByteArray();
    }
}
