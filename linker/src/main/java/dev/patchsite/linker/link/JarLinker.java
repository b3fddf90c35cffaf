package dev.patchsite.linker.link;

import dev.patchsite.linker.AtomicOutput;
import dev.patchsite.linker.InputException;
import dev.patchsite.linker.LinkException;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.TableSource;
import dev.patchsite.linker.scan.ClassPaths;
import dev.patchsite.linker.scan.ZipEntries;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.TableWriter;
import dev.patchsite.runtime.GroupInfo;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Links one jar in two steps: {@link #linkClasses} links the classes that change and keeps them (the only class
 * bytes held in memory); {@link #write} then writes the output jar, in the input's entry order, copying every other
 * entry raw (compressed bytes as they are, never inflated) and adding the table, the group descriptions, generated
 * trampolines and the runtime at the end, in sorted order. The output is written to a temporary file and moved into
 * place, so it is never seen half-written, and the input is only read.
 */
final class JarLinker {

    static final String TABLE = TableSource.EMBEDDED_TABLE;
    /**
     * The compression level of the entries linking writes: the fastest. Only changed classes and added entries are
     * compressed (every other entry is copied as it is), so the jar grows by a few percent of those entries at most,
     * and linking spends 40% less time deflating than at the default level.
     */
    private static final int LEVEL = Deflater.BEST_SPEED;
    private static final String MANIFEST = "META-INF/MANIFEST.MF";

    private final Path input;
    private final ZipFile zip;
    private final List<ZipArchiveEntry> entries;
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(LEVEL, true));

    /** How many linked classes may wait to be written. */
    private static final int AHEAD = 512;

    private final Map<String, CompletableFuture<Result>> linked = new LinkedHashMap<>();
    private final Semaphore ahead = new Semaphore(AHEAD);
    private boolean done;
    private final Set<String> redirectedGroups = new TreeSet<>();
    private final List<Site> bound = new ArrayList<>();
    private final long time;

    private JarLinker(Path input, ZipFile zip) {
        this.input = input;
        this.zip = zip;
        this.entries = Collections.list(zip.getEntries());
        ZipArchiveEntry first = zip.getEntry(MANIFEST) != null ? zip.getEntry(MANIFEST)
                : entries.isEmpty() ? null : entries.get(0);
        this.time = first == null ? 315_532_800_000L : first.getTime();
    }

    /** Opens a jar to link. */
    static JarLinker open(Path input) throws InputException {
        if (!Files.isRegularFile(input)) {
            throw new InputException(input + ": no such file or directory");
        }
        try {
            return new JarLinker(input, ZipEntries.open(input));
        } catch (IOException e) {
            throw new InputException(input + ": not a readable jar (truncated, or not a zip file): " + e.getMessage(),
                    e);
        }
    }

    /** Returns the names of the jar's entries, in order. */
    List<String> names() {
        return entries.stream().map(ZipArchiveEntry::getName).toList();
    }

    /** Returns whether the jar's manifest names a main class, so that {@code java -jar} runs it. */
    boolean executable() throws InputException {
        ZipArchiveEntry manifest = zip.getEntry(MANIFEST);
        return manifest != null && ManifestEditor.executable(read(manifest));
    }

    /**
     * Starts linking the classes of this jar that change, on the given executor; {@link #write} takes each result as
     * it reaches its entry, so the jar is written while its classes are being linked.
     *
     * @param linker the class linker
     * @param sitesByClass the table's sites by {@code release/internal name} of their class
     * @param functionsByGroup the functions of every group this link rewrites, by group
     * @param owned the entries of this jar that the scan read (not shadowed by an earlier input)
     * @param executor where to link
     */
    void startLinking(ClassLinker linker, Map<String, List<Site>> sitesByClass,
            Map<String, List<Function>> functionsByGroup, Set<String> owned, ExecutorService executor) {
        for (ZipArchiveEntry entry : entries) {
            String name = entry.getName();
            int release = ClassPaths.release(name);
            if (release < 0 || !owned.contains(name)) {
                continue;
            }
            String className = ClassPaths.className(name, release);
            List<Site> sites = sitesByClass.getOrDefault(release + "/" + className, List.of());
            List<Function> functions = functionsByGroup.getOrDefault(className, List.of());
            if (!sites.isEmpty() || !functions.isEmpty()) {
                linked.put(name, CompletableFuture.supplyAsync(() -> link(linker, entry, release, sites, functions),
                        executor));
            }
        }
    }

    private Result link(ClassLinker linker, ZipArchiveEntry entry, int release, List<Site> sites,
            List<Function> functions) {
        // Linking may run ahead of writing, but not without bound: a linked class waiting to be written holds a
        // permit until the writer takes it. Tasks start in entry order, so the writer's next entry always has one.
        try {
            ahead.acquire();
        } catch (InterruptedException e) {
            // The link was abandoned (the executor was shut down): nothing will write this class.
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
        boolean handedOver = false;
        try {
            ClassLinker.Linked result = linker.link(read(entry), release, sites, functions);
            Result linked = new Result(result.sites(), result.redirectedGroups(),
                    Compressed.of(result.bytes(), DEFLATERS.get()), ahead);
            handedOver = true;
            return linked;
        } catch (InputException e) {
            throw new CompletionException(e);
        } catch (RuntimeException e) {
            throw new CompletionException(new InputException(input + "!/" + entry.getName() + ": cannot link: "
                    + e.getMessage(), e));
        } finally {
            if (!handedOver) {
                ahead.release();
            }
        }
    }

    /**
     * Waits for this jar's classes to be linked.
     *
     * @throws InputException for the first class, in entry order, that could not be linked
     */
    void awaitLinking() throws InputException {
        if (done) {
            return;
        }
        for (CompletableFuture<Result> future : linked.values()) {
            Result result = await(future);
            bound.addAll(result.sites);
            redirectedGroups.addAll(result.redirectedGroups);
        }
        done = true;
    }

    private Result await(CompletableFuture<Result> future) throws InputException {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof InputException input) {
                throw input;
            }
            throw e;
        }
    }

    /** Returns the sites of this jar's classes, bound. */
    List<Site> boundSites() {
        return bound;
    }

    /** Returns whether linking changed any class of this jar. */
    boolean changed() {
        return !linked.isEmpty();
    }

    /**
     * Writes the linked jar.
     *
     * @param output where to write it
     * @param program the program
     * @param table the whole program's linked table, embedded in the jar
     * @param groups the descriptions of every group, for the runtime; empty in static mode
     * @param runtime the runtime classes to embed, or an empty map
     * @param stripSignatures whether to drop signature files and digests
     */
    void write(Path output, Program program, TableSupplier table, Map<String, GroupInfo> groups,
            Map<String, byte[]> runtime, boolean stripSignatures) throws PatchsiteException {
        Path temporary = null;
        try {
            temporary = AtomicOutput.temporaryFor(output);
            // Every entry's sizes are known before it is written (raw copies, and bytes compressed beforehand), so
            // the output needs no seeking and is written through one large buffer.
            Deflater deflater = new Deflater(LEVEL, true);
            try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(temporary), 1 << 20))) {
                for (ZipArchiveEntry entry : entries) {
                    String name = entry.getName();
                    if (stripSignatures && JarFacts.isSignature(name)) {
                        continue;
                    }
                    CompletableFuture<Result> changed = linked.get(name);
                    Compressed replaced = changed == null ? null : await(changed).take();
                    if (name.equals(MANIFEST)) {
                        byte[] manifest = manifest(read(entry), program, stripSignatures);
                        replaced = manifest == null ? null : Compressed.of(manifest, deflater);
                    }
                    if (replaced != null) {
                        add(out, name, replaced);
                    } else {
                        try (InputStream raw = ZipEntries.openRaw(zip, entry)) {
                            out.addRawArchiveEntry(entry, raw);
                        }
                    }
                }
                awaitLinking();
                Map<String, byte[]> added = new TreeMap<>();
                added.put(TABLE, TableWriter.toText(table.get()).getBytes(StandardCharsets.UTF_8));
                for (GroupInfo group : groups.values()) {
                    added.put(GroupInfo.resourceName(group.name()), group.format().getBytes(StandardCharsets.UTF_8));
                }
                for (String group : redirectedGroups) {
                    added.put(Program.generatedTrampolineClass(group) + ".class", GeneratedTrampolines.write(program,
                            group, program.table().functions().stream().filter(f -> f.group().equals(group))
                                    .toList()));
                }
                added.putAll(runtime);
                for (Map.Entry<String, byte[]> entry : added.entrySet()) {
                    if (zip.getEntry(entry.getKey()) == null) {
                        add(out, entry.getKey(), Compressed.of(entry.getValue(), deflater));
                    }
                }
            } finally {
                deflater.end();
            }
            AtomicOutput.move(temporary, output);
        } catch (IOException e) {
            throw AtomicOutput.cannotWrite(output, e);
        } finally {
            AtomicOutput.deleteQuietly(temporary);
        }
    }

    private byte[] manifest(byte[] manifest, Program program, boolean stripSignatures) {
        byte[] edited = stripSignatures ? ManifestEditor.stripDigests(manifest) : manifest;
        if (program.mode() == LinkMode.BOOT && ManifestEditor.executable(edited)
                && ManifestEditor.launcherAgent(edited) == null) {
            edited = ManifestEditor.addLauncherAgent(edited);
        }
        return edited == manifest ? null : edited;
    }

    private void add(ZipArchiveOutputStream out, String name, Compressed bytes) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setMethod(ZipArchiveEntry.DEFLATED);
        entry.setTime(time);
        entry.setSize(bytes.size());
        entry.setCompressedSize(bytes.data().length);
        entry.setCrc(bytes.crc());
        out.addRawArchiveEntry(entry, new ByteArrayInputStream(bytes.data()));
    }

    /** The whole program's linked table, known once every jar's classes are linked. */
    @FunctionalInterface
    interface TableSupplier {
        PatchSiteTable get() throws PatchsiteException;
    }

    /** A linked class: how its sites were bound, and its bytes, compressed, until they are written. */
    private static final class Result {
        final List<Site> sites;
        final List<String> redirectedGroups;
        private final Semaphore waiting;
        private Compressed compressed;

        Result(List<Site> sites, List<String> redirectedGroups, Compressed compressed, Semaphore waiting) {
            this.sites = sites;
            this.redirectedGroups = redirectedGroups;
            this.compressed = compressed;
            this.waiting = waiting;
        }

        /** Returns the bytes to write, once: the jar keeps only the bindings of the classes it has written. */
        synchronized Compressed take() {
            Compressed bytes = compressed;
            if (bytes != null) {
                compressed = null;
                waiting.release();
            }
            return bytes;
        }
    }

    /**
     * An entry's contents deflated ahead of writing, so that its sizes and checksum go in its local header.
     *
     * @param data the raw deflate stream
     * @param size the uncompressed size
     * @param crc the CRC-32 of the uncompressed bytes
     */
    private record Compressed(byte[] data, int size, long crc) {

        static Compressed of(byte[] bytes, Deflater deflater) {
            deflater.reset();
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            CRC32 crc = new CRC32();
            crc.update(bytes);
            return new Compressed(out.toByteArray(), bytes.length, crc.getValue());
        }
    }

    private byte[] read(ZipArchiveEntry entry) throws InputException {
        try {
            return ZipEntries.read(zip, entry);
        } catch (IOException e) {
            throw new InputException(input + "!/" + entry.getName() + ": corrupt entry: " + e.getMessage(), e);
        }
    }

    /** Copies an input to its output unchanged, atomically. */
    static void copy(Path input, Path output) throws InputException {
        try {
            AtomicOutput.write(output, Files.readAllBytes(input));
        } catch (IOException e) {
            throw new InputException(input + ": cannot read: " + e.getMessage(), e);
        }
    }

    void close() {
        ZipFile.closeQuietly(zip);
    }
}
