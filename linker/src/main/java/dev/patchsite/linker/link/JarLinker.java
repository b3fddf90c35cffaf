package dev.patchsite.linker.link;

import dev.patchsite.linker.internal.output.AtomicOutput;
import dev.patchsite.linker.InputException;
import dev.patchsite.linker.IoReasons;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.Progress;
import dev.patchsite.linker.Vocabulary;
import dev.patchsite.linker.scan.TableSource;
import dev.patchsite.linker.LinkException;
import dev.patchsite.linker.internal.input.ArchiveLayout;
import dev.patchsite.linker.internal.input.ClassPaths;
import dev.patchsite.linker.internal.input.Jars;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.TableWriter;
import dev.patchsite.linker.internal.zip.Deflated;
import dev.patchsite.linker.internal.zip.ZipArchive;
import dev.patchsite.linker.internal.zip.ZipWriter;
import dev.patchsite.runtime.GroupInfo;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import java.util.zip.Deflater;
import java.util.zip.ZipException;

/**
 * Links one jar in two steps: {@link #startLinking} links the classes that change and keeps them (the only class
 * bytes held in memory); {@link #write} then writes the output jar, in the input's entry order, copying every other
 * entry raw (local header, compressed bytes and descriptor as they are, never inflated; see {@link ZipWriter}) and
 * adding the table, the group descriptions, the holders of the trampolines' constants, generated
 * trampolines and the runtime at the end, in sorted order. The output is written to a temporary file and moved into
 * place, so it is never seen half-written, and the input is only read.
 *
 * <p>A Spring Boot or web archive ({@link ArchiveLayout}) has more than one class root: its top level, its class
 * directory ({@code BOOT-INF/classes/}), and its nested jars, each linked by a {@code JarLinker} of its own, which
 * reads it in place. A nested jar whose classes change is written to a scratch file and added back stored, with its
 * CRC, as the launcher needs it; one that does not change is copied raw. What linking adds that the program's class
 * loader must see (group descriptions, generated trampolines) goes into the class directory; the table, the runtime
 * and {@code Launcher-Agent-Class} go to the top level, where the JVM's launcher finds them.
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

    /** MS-DOS date and time of 1980-01-01 00:00, the earliest a zip file can record. */
    private static final int EARLIEST = (1 << 5 | 1) << 16;

    private final Path input;
    /** The jar's name in messages and entry locations: its path, or {@code outer.jar!/BOOT-INF/lib/x.jar}. */
    private final String name;
    private final ZipArchive zip;
    private final ArchiveLayout layout;
    /** The prefixes of the jar's class roots, in class path order: the top level, then the class directory. */
    private final List<ClassRoot> roots = new ArrayList<>();
    /** The nested jars, by entry, in entry order. */
    private final TreeMap<Integer, JarLinker> nested = new TreeMap<>();
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(LEVEL, true));

    /** How many linked classes may wait to be written. */
    private static final int AHEAD = 512;

    /** The classes being linked, by entry, in entry order. */
    private final TreeMap<Integer, CompletableFuture<Result>> linked = new TreeMap<>();
    private final Semaphore ahead = new Semaphore(AHEAD);
    private boolean done;
    private final Set<String> redirectedGroups = new TreeSet<>();
    /** The groups whose class this jar holds and this link gives trampolines. */
    private final Set<String> trampolinedGroups = new TreeSet<>();
    private final List<Site> bound = new ArrayList<>();
    /** Per class whose sites had to stay on their trampolines, in entry order, why. */
    private final List<String> warnings = new ArrayList<>();
    /** The ids of the functions this jar's linked classes call. */
    private final Set<String> calledFunctions = new TreeSet<>();
    /** The releases the jar's top level has class copies for, once looked for ({@link #onlyCopyOf} asks per body). */
    private Set<Integer> topReleases;
    /** The time stamp of the entries linking writes: the manifest's, or the first entry's. */
    private final int time;

    private JarLinker(Path input, String name, ZipArchive zip, ArchiveLayout layout) {
        this.input = input;
        this.name = name;
        this.zip = zip;
        this.layout = layout;
        int manifest = zip.find(MANIFEST);
        int first = manifest >= 0 ? manifest : zip.size() > 0 ? 0 : -1;
        this.time = first < 0 ? EARLIEST : zip.dosTime(first);
        roots.add(new ClassRoot(this, ""));
        if (layout.nested()) {
            roots.add(new ClassRoot(this, layout.classes()));
        }
    }

    /** Opens a jar to link, with the nested jars of a Spring Boot or web archive. */
    static JarLinker open(Path input) throws InputException {
        ZipArchive zip = Jars.open(input);
        try {
            ArchiveLayout layout = Jars.layout(input.toString(), zip);
            JarLinker jar = new JarLinker(input, input.toString(), zip, layout);
            for (String lib : layout.libs()) {
                String name = input + "!/" + lib;
                jar.nested.put(zip.find(lib), new JarLinker(input, name, Jars.openNested(input.toString(), zip, lib),
                        ArchiveLayout.PLAIN));
            }
            return jar;
        } catch (InputException | RuntimeException e) {
            Jars.closeAfter(zip, e);
            throw e;
        }
    }

    /** Returns whether the jar has an entry of the given name at its top level. */
    boolean contains(String name) {
        return zip.find(name) >= 0;
    }

    /**
     * Returns whether any class root of the jar, nested jars included, has a class file.
     *
     * @param path the class's path, e.g. {@code a/B.class} or {@code META-INF/versions/11/a/B.class}
     */
    boolean holdsClass(String path) {
        return classRoots().stream().anyMatch(root -> root.contains(path));
    }

    /** Returns the jar's class roots and those of its nested jars, in class path order. */
    List<ClassRoot> classRoots() {
        List<ClassRoot> all = new ArrayList<>(roots);
        nested.values().forEach(jar -> all.addAll(jar.roots));
        return all;
    }

    /** Returns the jar's path. */
    Path input() {
        return input;
    }

    /** Returns the bytes of the jar's manifest, or null if it has none. */
    byte[] manifest() throws InputException {
        int manifest = zip.find(MANIFEST);
        return manifest < 0 ? null : read(manifest);
    }

    /**
     * Starts linking the classes of this jar that change, with those of its nested jars, on the given executor;
     * {@link #write} takes each result as it reaches its entry, so the jar is written while its classes are being
     * linked. Tasks are started in the order the writer takes them (a nested jar's at its entry), so that the next
     * class to write always has a permit to be linked.
     *
     * @param linker the class linker
     * @param sitesByClass the table's sites by {@code release/internal name} of their class
     * @param functionsByGroup the functions of every group this link rewrites, by group
     * @param owned per class root, whether the scan read a class of it (it is not shadowed by an earlier root)
     * @param scanned the classes the scan kept, by location; each one linked here is taken out
     * @param executor where to link
     */
    void startLinking(ClassLinker linker, Map<String, List<Site>> sitesByClass,
            Map<String, List<Function>> functionsByGroup, Map<ClassRoot, Predicate<String>> owned,
            Map<String, byte[]> scanned, ExecutorService executor) {
        // The classes to link are known by name: each is looked up, rather than every entry looked at. A group's
        // functions get trampolines in each release's copy of its class.
        TreeMap<Integer, String[]> classes = new TreeMap<>();
        for (ClassRoot root : roots) {
            for (String key : sitesByClass.keySet()) {
                int slash = key.indexOf('/');
                find(root, Integer.parseInt(key.substring(0, slash)), key.substring(slash + 1), owned.get(root),
                        classes);
            }
            Set<Integer> releases = functionsByGroup.isEmpty() ? Set.of() : releases(root.prefix());
            for (String group : functionsByGroup.keySet()) {
                for (int release : releases) {
                    find(root, release, group, owned.get(root), classes);
                }
            }
        }
        TreeMap<Integer, Runnable> starts = new TreeMap<>();
        nested.forEach((entry, jar) -> starts.put(entry, () -> jar.startLinking(linker, sitesByClass,
                functionsByGroup, owned, scanned, executor)));
        for (Map.Entry<Integer, String[]> entry : classes.entrySet()) {
            String path = entry.getValue()[1];
            int release = ClassPaths.release(path);
            String className = ClassPaths.className(path, release);
            List<Site> sites = sitesByClass.getOrDefault(release + "/" + className, List.of());
            sites.forEach(site -> calledFunctions.add(site.functionId()));
            List<Function> functions = functionsByGroup.getOrDefault(className, List.of());
            if (!functions.isEmpty()) {
                trampolinedGroups.add(className);
            }
            int index = entry.getKey();
            String location = name + "!/" + entry.getValue()[0] + path;
            starts.put(index, () -> linked.put(index, CompletableFuture.supplyAsync(() -> link(linker, index,
                    scanned.remove(location), release, sites, functions), executor)));
        }
        starts.values().forEach(Runnable::run);
    }

    /** Adds a class of a root to link, by entry, as its root's prefix and its path in the root. */
    private void find(ClassRoot root, int release, String className, Predicate<String> owned,
            Map<Integer, String[]> classes) {
        String path = ClassPaths.path(className, release);
        int entry = zip.find(root.prefix() + path);
        if (entry >= 0 && owned.test(path)) {
            classes.put(entry, new String[] {root.prefix(), path});
        }
    }

    /**
     * Returns the bytes of a class the jar's top level holds in one copy only, or null if it has none or also has a
     * {@code META-INF/versions/N/} copy (which one the JVM loads depends on its version). The class directory and
     * nested jars of a Spring Boot or web archive are not looked in: a body there is left called, never patched out.
     */
    byte[] onlyCopyOf(String className) throws InputException {
        int entry = zip.find(ClassPaths.path(className, 0));
        if (entry < 0) {
            return null;
        }
        for (int release : topReleases()) {
            if (release > 0 && zip.find(ClassPaths.path(className, release)) >= 0) {
                return null;
            }
        }
        return read(entry);
    }

    private synchronized Set<Integer> topReleases() {
        if (topReleases == null) {
            topReleases = releases("");
        }
        return topReleases;
    }

    /**
     * Returns the releases a class root has class copies for: 0, and each {@code META-INF/versions/N} under it there
     * is.
     */
    private Set<Integer> releases(String prefix) {
        Set<Integer> releases = new TreeSet<>();
        releases.add(0);
        byte[] versions = (prefix + ClassPaths.VERSIONS).getBytes(StandardCharsets.UTF_8);
        for (int entry = 0; entry < zip.size(); entry++) {
            if (zip.nameStartsWith(entry, versions)) {
                int release = ClassPaths.release(zip.name(entry).substring(prefix.length()));
                if (release > 0) {
                    releases.add(release);
                }
            }
        }
        return releases;
    }

    private Result link(ClassLinker linker, int entry, byte[] scanned, int release, List<Site> sites,
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
            ClassLinker.Linked result = linker.link(scanned != null ? scanned : read(entry), release, sites,
                    functions);
            Result linked = new Result(result.sites(), result.redirectedGroups(),
                    result.warning() == null ? null : name + "!/" + zip.name(entry) + ": " + result.warning(),
                    Deflated.of(result.bytes(), DEFLATERS.get()), ahead);
            handedOver = true;
            return linked;
        } catch (InputException e) {
            throw new CompletionException(e);
        } catch (RuntimeException e) {
            throw new CompletionException(new InputException(name + "!/" + zip.name(entry) + ": cannot link: "
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
            if (result.warning != null) {
                warnings.add(result.warning);
            }
        }
        for (JarLinker jar : nested.values()) {
            jar.awaitLinking();
            bound.addAll(jar.bound);
            redirectedGroups.addAll(jar.redirectedGroups);
            warnings.addAll(jar.warnings);
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

    /** Returns, per class whose sites had to stay on their trampolines (in entry order), a line saying why. */
    List<String> warnings() {
        return warnings;
    }

    /** Returns the sites of this jar's classes, bound. */
    List<Site> boundSites() {
        return bound;
    }

    /** Returns the groups whose trampolines this jar and its nested jars hold, in name order. */
    private Set<String> trampolinedGroups() {
        Set<String> all = new TreeSet<>(trampolinedGroups);
        nested.values().forEach(jar -> all.addAll(jar.trampolinedGroups));
        return all;
    }

    /** Returns whether linking changed any class of this jar or of its nested jars. */
    boolean changed() {
        return !linked.isEmpty() || nested.values().stream().anyMatch(JarLinker::changed);
    }

    /**
     * Refuses to change a signed nested jar unless signatures are stripped: its signature would no longer verify.
     * A signed nested jar whose classes do not change is copied as it is, signature and all.
     *
     * @param stripSignatures whether signatures are dropped
     * @param words the front-end's words, in which the refusal says how to drop the signatures
     * @throws LinkException naming the first signed nested jar that changes
     */
    void checkNestedSignatures(boolean stripSignatures, Vocabulary words) throws LinkException {
        if (stripSignatures) {
            return;
        }
        for (JarLinker jar : nested.values()) {
            if (!jar.changed()) {
                continue;
            }
            for (int entry = 0; entry < jar.zip.size(); entry++) {
                if (JarFacts.isSignature(jar.zip.name(entry))) {
                    throw JarFacts.signed(jar.name, jar.zip.name(entry), words);
                }
            }
        }
    }

    /**
     * Writes the linked jar.
     *
     * @param output where to write it
     * @param program the program
     * @param table the whole program's linked table, embedded in the jar
     * @param groups the descriptions of every group, for the runtime; empty in static mode
     * @param launch the runtime classes to embed, and whether the manifest starts the boot agent
     * @param stripSignatures whether to drop signature files and digests
     * @param progress where to report how many entries are written
     */
    void write(Path output, Program program, TableSupplier table, Map<String, GroupInfo> groups,
            RuntimeLaunch launch, boolean stripSignatures, Progress progress) throws PatchsiteException {
        Path temporary = null;
        try {
            temporary = AtomicOutput.temporaryFor(output);
            Deflater deflater = new Deflater(LEVEL, true);
            try (ZipWriter out = new ZipWriter(temporary)) {
                out.copyPrefix(zip);
                int manifestEntry = zip.find(MANIFEST);
                ModuleNeeds module = ModuleNeeds.of(program, zip, calledFunctions, changed(), !launch.runtime().isEmpty());
                for (int entry = 0; entry < zip.size(); entry++) {
                    if (stripSignatures && JarFacts.isSignature(zip.name(entry))) {
                        continue;
                    }
                    JarLinker lib = nested.get(entry);
                    if (lib != null && lib.changed()) {
                        Path scratch = lib.writeNested(temporary, stripSignatures);
                        try {
                            out.addStored(zip.name(entry), zip.dosTime(entry), scratch);
                        } finally {
                            AtomicOutput.deleteQuietly(scratch);
                        }
                        continue;
                    }
                    CompletableFuture<Result> changed = linked.get(entry);
                    Deflated replaced = changed == null ? null : await(changed).take();
                    if (entry == manifestEntry) {
                        byte[] manifest = manifest(read(entry), launch.startAgent(), stripSignatures);
                        replaced = manifest == null ? null : Deflated.of(manifest, deflater);
                    } else if (layout.nested() && zip.name(entry).equals(layout.layersIndex())
                            && !launch.runtime().isEmpty()) {
                        byte[] index = LayersIndex.withRuntime(read(entry));
                        replaced = index == null ? null : Deflated.of(index, deflater);
                    } else if (module != null && ModuleNeeds.isDescriptor(zip.name(entry))) {
                        byte[] descriptor = module.apply(read(entry));
                        replaced = descriptor == null ? null : Deflated.of(descriptor, deflater);
                    }
                    if (replaced != null) {
                        out.add(zip.name(entry), time, replaced);
                    } else {
                        out.copy(zip, entry);
                    }
                    if (entry % 1024 == 1023 || entry == zip.size() - 1) {
                        progress.update("writing " + output.getFileName(), entry + 1, zip.size());
                    }
                }
                awaitLinking();
                Map<String, byte[]> added = new TreeMap<>();
                added.put(TABLE, TableWriter.toText(table.get()).getBytes(StandardCharsets.UTF_8));
                // What the program's class loader must see goes where it loads classes from.
                String loaded = layout.nested() ? layout.classes() : "";
                for (GroupInfo group : groups.values()) {
                    added.put(loaded + GroupInfo.resourceName(group.name()),
                            group.format().getBytes(StandardCharsets.UTF_8));
                }
                for (String group : redirectedGroups) {
                    added.put(loaded + Program.generatedTrampolineClass(group) + ".class",
                            GeneratedTrampolines.write(program, group));
                }
                // A nested jar's groups too: every class root shares the launcher's class loader.
                for (String group : trampolinedGroups()) {
                    if (TrampolineHolder.needed(program, group)) {
                        added.put(loaded + TrampolineHolder.className(program, group) + ".class",
                                TrampolineHolder.write(program, group));
                    }
                }
                added.putAll(launch.runtime());
                for (Map.Entry<String, byte[]> entry : added.entrySet()) {
                    if (!contains(entry.getKey())) {
                        out.add(entry.getKey(), time, Deflated.of(entry.getValue(), deflater));
                    }
                }
                out.finish();
            } finally {
                deflater.end();
            }
            AtomicOutput.move(temporary, output);
        } catch (ZipException | EOFException e) {
            // The zip layer's words for an input whose bytes are not as its directory says (writing never meets an
            // end of file): the input's fault, not the output's.
            throw new InputException(input + ": corrupt jar: " + e.getMessage(), e);
        } catch (IOException e) {
            throw AtomicOutput.cannotWrite(output, e);
        } finally {
            AtomicOutput.deleteQuietly(temporary);
        }
    }

    /**
     * Writes this nested jar, linked, to a scratch file beside the outer jar's output, to be added to it stored: its
     * entries in their order, changed classes deflated, every other entry copied raw; signature files dropped and
     * the manifest's digests stripped if asked. Nothing is added to it: what the program needs goes into the outer
     * jar.
     *
     * @param beside the outer jar's temporary output, beside which the scratch file is made
     * @param stripSignatures whether to drop signature files and digests
     * @return the scratch file, for the caller to delete
     */
    private Path writeNested(Path beside, boolean stripSignatures) throws IOException, InputException {
        Path file = Files.createTempFile(beside.toAbsolutePath().getParent(), "." + beside.getFileName(), ".nested");
        boolean written = false;
        Deflater deflater = new Deflater(LEVEL, true);
        try (ZipWriter out = new ZipWriter(file)) {
            out.copyPrefix(zip);
            int manifestEntry = zip.find(MANIFEST);
            for (int entry = 0; entry < zip.size(); entry++) {
                if (stripSignatures && JarFacts.isSignature(zip.name(entry))) {
                    continue;
                }
                CompletableFuture<Result> changed = linked.get(entry);
                Deflated replaced = changed == null ? null : await(changed).take();
                if (entry == manifestEntry && stripSignatures) {
                    byte[] manifest = manifest(read(entry), false, true);
                    replaced = manifest == null ? null : Deflated.of(manifest, deflater);
                }
                if (replaced != null) {
                    out.add(zip.name(entry), time, replaced);
                } else {
                    out.copy(zip, entry);
                }
            }
            out.finish();
            written = true;
        } catch (ZipException | EOFException e) {
            // The nested jar's bytes are not as its directory says: name it, not only the outer jar.
            throw new InputException(name + ": corrupt jar: " + e.getMessage(), e);
        } finally {
            deflater.end();
            if (!written) {
                AtomicOutput.deleteQuietly(file);
            }
        }
        return file;
    }

    private static byte[] manifest(byte[] manifest, boolean startAgent, boolean stripSignatures) {
        byte[] edited = stripSignatures ? ManifestEditor.stripDigests(manifest) : manifest;
        if (startAgent) {
            edited = ManifestEditor.startAgent(edited);
        }
        return edited == manifest ? null : edited;
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
        /** Why the class's sites stay on their trampolines, or null. */
        final String warning;
        private final Semaphore waiting;
        private Deflated compressed;

        Result(List<Site> sites, List<String> redirectedGroups, String warning, Deflated compressed,
                Semaphore waiting) {
            this.sites = sites;
            this.redirectedGroups = redirectedGroups;
            this.warning = warning;
            this.compressed = compressed;
            this.waiting = waiting;
        }

        /** Returns the bytes to write, once: the jar keeps only the bindings of the classes it has written. */
        synchronized Deflated take() {
            Deflated bytes = compressed;
            if (bytes != null) {
                compressed = null;
                waiting.release();
            }
            return bytes;
        }
    }

    private byte[] read(int entry) throws InputException {
        try {
            return zip.read(entry);
        } catch (IOException e) {
            throw new InputException(name + "!/" + zip.name(entry) + ": corrupt entry: " + e.getMessage(), e);
        }
    }

    /**
     * Copies an input to its output unchanged, atomically, without holding it in memory. A failure to open the input
     * is the input's; any other, the output's.
     */
    static void copy(Path input, Path output) throws InputException {
        Path temporary = null;
        try (FileChannel in = openInput(input)) {
            temporary = AtomicOutput.temporaryFor(output);
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                long size = in.size();
                for (long done = 0; done < size; ) {
                    long moved = in.transferTo(done, size - done, out);
                    if (moved <= 0) {
                        throw new InputException(input + ": cannot read: it changed while being copied");
                    }
                    done += moved;
                }
            }
            AtomicOutput.move(temporary, output);
        } catch (IOException e) {
            throw AtomicOutput.cannotWrite(output, e);
        } finally {
            AtomicOutput.deleteQuietly(temporary);
        }
    }

    private static FileChannel openInput(Path input) throws InputException {
        try {
            return FileChannel.open(input, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new InputException(input + ": cannot read: " + IoReasons.of(e), e);
        }
    }

    void close() {
        nested.values().forEach(JarLinker::close);
        try {
            zip.close();
        } catch (IOException e) {
            // Only read from: closing it loses nothing.
        }
    }

    /**
     * One class root of a jar: its top level, or the class directory of a Spring Boot or web archive.
     *
     * @param jar the jar
     * @param prefix the prefix of the root's entries, e.g. {@code BOOT-INF/classes/}; empty for the top level
     */
    record ClassRoot(JarLinker jar, String prefix) {

        /** Returns whether the root has a class file, given by its path in the root. */
        boolean contains(String path) {
            return jar.zip.find(prefix + path) >= 0;
        }
    }
}
