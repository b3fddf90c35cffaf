package dev.patchsite.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Jars that are broken in ways only writing the output finds, made at test time from a good one. */
final class HostileJars {

    private static final String RESOURCE = "zz/resource.txt";

    private HostileJars() {
    }

    /**
     * Copies a jar, adds a resource (with a data descriptor, as {@link ZipOutputStream} writes) and then sets its
     * local header's extra-field length to 32767: the central directory is intact, so scanning (which reads classes
     * only) passes, but the resource's local data runs past the next entry, which the raw copy of the link finds.
     *
     * @param jar a good jar
     * @param out where to write the broken one
     * @return {@code out}
     * @throws IOException if reading or writing fails
     */
    static Path badLocalHeaderOfAResource(Path jar, Path out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipFile zip = new ZipFile(jar.toFile()); ZipOutputStream copy = new ZipOutputStream(bytes)) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                copy.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    in.transferTo(copy);
                }
                copy.closeEntry();
            }
            copy.putNextEntry(new ZipEntry(RESOURCE));
            copy.write("a resource".getBytes(StandardCharsets.UTF_8));
            copy.closeEntry();
        }
        byte[] archive = bytes.toByteArray();
        byte[] name = RESOURCE.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + 30 + name.length <= archive.length; at++) {
            if (archive[at] == 'P' && archive[at + 1] == 'K' && archive[at + 2] == 3 && archive[at + 3] == 4
                    && (archive[at + 26] & 0xff) == name.length
                    && new String(archive, at + 30, name.length, StandardCharsets.UTF_8).equals(RESOURCE)) {
                archive[at + 28] = (byte) 0xff;
                archive[at + 29] = 0x7f;
                return Files.write(out, archive);
            }
        }
        throw new IllegalStateException("no local header of " + RESOURCE);
    }
}
