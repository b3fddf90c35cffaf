package dev.patchsite.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * Builds a large, realistic benchmark jar by merging the class entries of real jars.
 *
 * <pre>
 * java -cp benchmarks.jar dev.patchsite.benchmarks.MakeBigJar OUT.jar [--target-mb MB] [--repo DIR] [--copies N]
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
 * <p>With {@code --copies N} (N &gt; 1; for the linker's memory check, a jar of about N times the target size),
 * the entries so chosen are followed by N - 1 renamed copies of them: copy K (1 to N - 1), in the same order, puts
 * every class {@code a/b/C} under {@code copyK/a/b/C}, and renames, with ASM's {@link ClassRemapper}, every
 * reference to a class of the jar in the same way (its own name, super types, descriptors, signatures, constants,
 * inner-class attributes...), so that each copy is a set of valid classes distinct from the others; references to
 * classes outside the jar (the JDK, missing dependencies) stay as they are. Renamed classes keep their stack map
 * frames (nothing is recomputed) and are deflated again (level 6, raw deflate), so a copy is a little larger or
 * smaller than the original; a class ASM cannot parse is left out of every copy (and counted). Same inputs, same
 * bytes.
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
        int copies = 1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--target-mb") && i + 1 < args.length) {
                targetMb = Long.parseLong(args[++i]);
            } else if (a.equals("--copies") && i + 1 < args.length) {
                copies = Integer.parseInt(args[++i]);
            } else if (a.equals("--repo") && i + 1 < args.length) {
                repo = Paths.get(args[++i]);
            } else if (a.startsWith("-") || out != null) {
                System.err.println("MakeBigJar: unexpected argument: " + a);
                System.err.println("usage: MakeBigJar OUT.jar [--target-mb MB] [--repo DIR] [--copies N]");
                System.exit(2);
            } else {
                out = Paths.get(a);
            }
        }
        if (out == null || targetMb < 1 || copies < 1 || copies > 9999) {
            System.err.println("usage: MakeBigJar OUT.jar [--target-mb MB] [--repo DIR] [--copies N (1..9999)]");
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
        int[] copyStats = {0, 0};   // entries written by the copies, classes left out of them
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
                if (copies > 1) {
                    writeCopies(zos, taken, copies, copyStats);
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
            if (copies > 1) {
                w.println("# Then " + (copies - 1) + " renamed copies (copy1/ ... copy" + (copies - 1) + "/) of those "
                        + taken.size() + " classes: " + copyStats[0] + " entries; " + copyStats[1]
                        + " classes ASM could not parse left out of every copy.");
            }
            used.forEach(w::println);
        }
        System.out.println("wrote " + out + ": entries=" + (taken.size() + copyStats[0]) + " (+ manifest) jars="
                + used.size() + " copies=" + copies + " left-out-of-copies=" + copyStats[1] + " original-entries="
                + taken.size()
                + " skipped-jars=" + skippedJars + " compressed-data=" + compressed + " uncompressed=" + uncompressed
                + " file-bytes=" + Files.size(out));
    }

    /** Entries renamed per task: enough to amortize a task, few enough to keep the workers busy. */
    private static final int COPY_CHUNK = 256;

    /**
     * Writes copies 1 to {@code copies - 1} of the taken classes, each renamed under {@code copyK/}: renamed and
     * deflated on all processors, in chunks of {@value #COPY_CHUNK} entries, written in order.
     */
    private static void writeCopies(ZipArchiveOutputStream zos, TreeMap<String, Taken> taken, int copies,
            int[] stats) throws IOException {
        Set<String> names = new HashSet<>();
        for (String entry : taken.keySet()) {
            names.add(entry.substring(0, entry.length() - ".class".length()));
        }
        List<Map.Entry<String, Taken>> entries = new ArrayList<>(taken.entrySet());
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int k = 1; k < copies; k++) {
                String prefix = "copy" + k + "/";
                Remapper remapper = new Remapper() {
                    @Override
                    public String map(String internalName) {
                        return names.contains(internalName) ? prefix + internalName : internalName;
                    }
                };
                ArrayDeque<Future<List<Renamed>>> window = new ArrayDeque<>();
                for (int from = 0; from < entries.size() || !window.isEmpty(); ) {
                    while (from < entries.size() && window.size() < 4 * threads) {
                        List<Map.Entry<String, Taken>> chunk =
                                entries.subList(from, Math.min(entries.size(), from + COPY_CHUNK));
                        window.add(pool.submit(() -> rename(chunk, prefix, remapper)));
                        from += chunk.size();
                    }
                    List<Renamed> done;
                    try {
                        done = window.remove().get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", e);
                    } catch (ExecutionException e) {
                        throw new IOException("renaming a copy failed: " + e.getCause(), e.getCause());
                    }
                    for (Renamed r : done) {
                        if (r == null) {
                            if (k == 1) {
                                stats[1]++;
                            }
                            continue;
                        }
                        ZipArchiveEntry e = new ZipArchiveEntry(r.name);
                        e.setMethod(ZipMethod.DEFLATED.getCode());
                        e.setCrc(r.crc);
                        e.setSize(r.size);
                        e.setCompressedSize(r.deflated.length);
                        e.setTime(FIXED_TIME);
                        zos.addRawArchiveEntry(e, new ByteArrayInputStream(r.deflated));
                        stats[0]++;
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One renamed class, deflated: its entry name, CRC, size and compressed bytes. */
    private static final class Renamed {
        final String name;
        final long crc;
        final long size;
        final byte[] deflated;

        Renamed(String name, long crc, long size, byte[] deflated) {
            this.name = name;
            this.crc = crc;
            this.size = size;
            this.deflated = deflated;
        }
    }

    /** Renames a chunk of classes under {@code prefix}; null in place of a class ASM cannot parse. */
    private static List<Renamed> rename(List<Map.Entry<String, Taken>> chunk, String prefix, Remapper remapper)
            throws IOException {
        List<Renamed> out = new ArrayList<>(chunk.size());
        Inflater inflater = new Inflater(true);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        byte[] buffer = new byte[64 * 1024];
        try {
            for (Map.Entry<String, Taken> kv : chunk) {
                Taken t = kv.getValue();
                byte[] classFile;
                if (t.method == ZipEntry.STORED) {
                    classFile = t.raw;
                } else {
                    inflater.reset();
                    inflater.setInput(t.raw);
                    classFile = new byte[Math.toIntExact(t.size)];
                    int n = 0;
                    try {
                        while (n < classFile.length && !inflater.finished()) {
                            int got = inflater.inflate(classFile, n, classFile.length - n);
                            if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                                break;
                            }
                            n += got;
                        }
                    } catch (DataFormatException e) {
                        throw new IOException("entry " + kv.getKey() + ": " + e.getMessage(), e);
                    }
                    if (n != classFile.length) {
                        throw new IOException("entry " + kv.getKey() + ": inflated " + n + " bytes, expected "
                                + classFile.length);
                    }
                }
                byte[] renamed;
                try {
                    ClassReader reader = new ClassReader(classFile);
                    ClassWriter writer = new ClassWriter(0);
                    reader.accept(new ClassRemapper(writer, remapper), 0);
                    renamed = writer.toByteArray();
                } catch (RuntimeException e) {
                    out.add(null);
                    continue;
                }
                CRC32 crc = new CRC32();
                crc.update(renamed);
                deflater.reset();
                deflater.setInput(renamed);
                deflater.finish();
                ByteArrayOutputStream deflated = new ByteArrayOutputStream(renamed.length / 2 + 64);
                while (!deflater.finished()) {
                    int n = deflater.deflate(buffer);
                    deflated.write(buffer, 0, n);
                }
                out.add(new Renamed(prefix + kv.getKey(), crc.getValue(), renamed.length, deflated.toByteArray()));
            }
        } finally {
            inflater.end();
            deflater.end();
        }
        return out;
    }
}
