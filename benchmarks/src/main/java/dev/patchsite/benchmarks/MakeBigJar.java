package dev.patchsite.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;

/**
 * Builds a large, realistic benchmark jar by merging the class entries of real jars.
 *
 * <pre>
 * java -cp benchmarks.jar dev.patchsite.benchmarks.MakeBigJar OUT.jar [--target-mb MB] [--repo DIR]
 * </pre>
 *
 * Inputs are every {@code *.jar} under {@code DIR} (default {@code ~/.m2/repository}), in
 * sorted path order, except {@code -sources}/{@code -javadoc} jars. From each, in sorted
 * entry order, it takes every {@code .class} entry that is not {@code module-info.class},
 * not under {@code META-INF/} (so no signature files, manifests or multi-release copies)
 * and whose name was not already taken from an earlier jar; it stops as soon as the jar it
 * will write reaches the target size (default 150 MB = 150,000,000 bytes, data plus headers;
 * so the last jar may be taken in part). Entries are copied raw (still
 * compressed, never re-deflated) with their method, CRC and sizes, with a fixed timestamp
 * and no extra fields, and written in sorted name order after a fresh manifest. The same
 * inputs give the same bytes. The output has more than 65,535 entries, so it is ZIP64.
 *
 * <p>Also writes {@code OUT.jar.inputs.txt}: the jars merged and how many entries each gave.
 * Unreadable or corrupt input jars are skipped with a warning.
 */
public final class MakeBigJar {

    /** Fixed entry time (2026-01-01T00:00:00 in UTC, like the build's project.build.outputTimestamp). */
    static final long FIXED_TIME = 1767225600000L;

    static final String MANIFEST = "Manifest-Version: 1.0\r\nCreated-By: patchsite MakeBigJar\r\n\r\n";

    /** Bytes a copied entry adds besides its data: local header (30) and central header (46), each with the name. */
    static final int HEADER_BYTES = 30 + 46;

    private MakeBigJar() {
    }

    /** One entry to copy: where it comes from and its raw (compressed) bytes. */
    private static final class Taken {
        final int method;
        final long crc;
        final long size;
        final byte[] raw;

        Taken(int method, long crc, long size, byte[] raw) {
            this.method = method;
            this.crc = crc;
            this.size = size;
            this.raw = raw;
        }
    }

    public static void main(String[] args) throws IOException {
        // DOS timestamps are local time: fix the zone so the output does not depend on the machine.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        Path out = null;
        long targetMb = 150;
        Path repo = Paths.get(System.getProperty("user.home"), ".m2", "repository");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--target-mb") && i + 1 < args.length) {
                targetMb = Long.parseLong(args[++i]);
            } else if (a.equals("--repo") && i + 1 < args.length) {
                repo = Paths.get(args[++i]);
            } else if (a.startsWith("-") || out != null) {
                System.err.println("MakeBigJar: unexpected argument: " + a);
                System.err.println("usage: MakeBigJar OUT.jar [--target-mb MB] [--repo DIR]");
                System.exit(2);
            } else {
                out = Paths.get(a);
            }
        }
        if (out == null || targetMb < 1) {
            System.err.println("usage: MakeBigJar OUT.jar [--target-mb MB] [--repo DIR]");
            System.exit(2);
        }
        long target = targetMb * 1_000_000L;

        List<Path> inputs;
        Path root = repo;
        try (Stream<Path> walk = Files.walk(root)) {
            inputs = walk.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".jar") && !n.endsWith("-sources.jar") && !n.endsWith("-javadoc.jar")
                        && Files.isRegularFile(p);
            }).map(root::relativize).sorted().collect(Collectors.toList());
        }

        TreeMap<String, Taken> taken = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        List<String> used = new ArrayList<>();
        long compressed = 0;
        long uncompressed = 0;
        long jarBytes = MANIFEST.length() + 2L * (HEADER_BYTES + "META-INF/MANIFEST.MF".length()) + 22;
        int skippedJars = 0;
        for (Path rel : inputs) {
            if (jarBytes >= target) {
                break;
            }
            // Staged per jar, so that a jar that turns out to be corrupt half-way contributes nothing.
            TreeMap<String, Taken> fromThis = new TreeMap<>();
            long jarBytesBefore = jarBytes;
            long compressedBefore = compressed;
            long uncompressedBefore = uncompressed;
            try (ZipFile zip = ZipFile.builder().setPath(repo.resolve(rel)).get()) {
                List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
                entries.sort((x, y) -> x.getName().compareTo(y.getName()));
                for (ZipArchiveEntry e : entries) {
                    if (jarBytes >= target) {
                        break;
                    }
                    String name = e.getName();
                    if (e.isDirectory() || !name.endsWith(".class") || name.startsWith("META-INF/")
                            || name.equals("module-info.class") || name.endsWith("/module-info.class")
                            || name.startsWith("/") || name.contains("\\") || seen.contains(name)
                            || fromThis.containsKey(name)) {
                        continue;
                    }
                    int method = e.getMethod();
                    if ((method != ZipEntry.DEFLATED && method != ZipEntry.STORED)
                            || e.getGeneralPurposeBit().usesEncryption()
                            || e.getCrc() < 0 || e.getSize() < 0 || e.getCompressedSize() < 0) {
                        continue;
                    }
                    byte[] raw;
                    try (InputStream in = zip.getRawInputStream(e)) {
                        raw = in.readAllBytes();
                    }
                    if (raw.length != e.getCompressedSize()) {
                        throw new IOException("entry " + name + ": read " + raw.length
                                + " raw bytes, central directory says " + e.getCompressedSize());
                    }
                    fromThis.put(name, new Taken(method, e.getCrc(), e.getSize(), raw));
                    compressed += raw.length;
                    jarBytes += raw.length + HEADER_BYTES + 2L * name.getBytes(StandardCharsets.UTF_8).length;
                    uncompressed += e.getSize();
                }
            } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                System.err.println("MakeBigJar: skipping unreadable " + rel + ": " + e.getMessage());
                skippedJars++;
                jarBytes = jarBytesBefore;
                compressed = compressedBefore;
                uncompressed = uncompressedBefore;
                continue;
            }
            if (!fromThis.isEmpty()) {
                taken.putAll(fromThis);
                seen.addAll(fromThis.keySet());
                used.add(rel + " " + fromThis.size());
            }
        }
        if (taken.isEmpty()) {
            System.err.println("MakeBigJar: no class entries found under " + repo);
            System.exit(1);
        }

        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, out.getFileName().toString(), ".tmp");
        try {
            try (ZipArchiveOutputStream zos = new ZipArchiveOutputStream(tmp)) {
                zos.setUseZip64(Zip64Mode.AsNeeded);
                zos.setMethod(ZipArchiveOutputStream.DEFLATED);
                // Sizes and CRC known up front, so no ZIP64 placeholder or data descriptor is written.
                byte[] mf = MANIFEST.getBytes(StandardCharsets.UTF_8);
                CRC32 crc = new CRC32();
                crc.update(mf);
                ZipArchiveEntry manifest = new ZipArchiveEntry("META-INF/MANIFEST.MF");
                manifest.setMethod(ZipMethod.STORED.getCode());
                manifest.setSize(mf.length);
                manifest.setCompressedSize(mf.length);
                manifest.setCrc(crc.getValue());
                manifest.setTime(FIXED_TIME);
                zos.addRawArchiveEntry(manifest, new ByteArrayInputStream(mf));
                for (var kv : taken.entrySet()) {
                    Taken t = kv.getValue();
                    ZipArchiveEntry e = new ZipArchiveEntry(kv.getKey());
                    e.setMethod(t.method == ZipEntry.DEFLATED ? ZipMethod.DEFLATED.getCode() : ZipMethod.STORED.getCode());
                    e.setCrc(t.crc);
                    e.setSize(t.size);
                    e.setCompressedSize(t.raw.length);
                    e.setTime(FIXED_TIME);
                    zos.addRawArchiveEntry(e, new ByteArrayInputStream(t.raw));
                }
            }
            try {
                // createTempFile makes it owner-only; give it the usual permissions of a build output.
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // keep the defaults
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(
                Paths.get(out.toString() + ".inputs.txt"), StandardCharsets.UTF_8))) {
            w.println("# Jars merged into " + out.getFileName() + " (relative to " + repo + "), in order,"
                    + " with the number of class entries each gave; target " + targetMb + " MB.");
            used.forEach(w::println);
        }
        System.out.println("wrote " + out + ": entries=" + taken.size() + " (+ manifest) jars=" + used.size()
                + " skipped-jars=" + skippedJars + " compressed-data=" + compressed + " uncompressed=" + uncompressed
                + " file-bytes=" + Files.size(out));
    }
}
