package dev.patchsite.linker.scan;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.Messages;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.ValidationException;
import dev.patchsite.linker.internal.cache.ClassFacts;
import dev.patchsite.linker.internal.cache.RecordingLog;
import dev.patchsite.linker.internal.cache.ScanCache;
import dev.patchsite.linker.internal.classfile.ClassBuffer;
import dev.patchsite.linker.internal.classfile.ConstantPool;
import dev.patchsite.linker.internal.classfile.MalformedClassException;
import dev.patchsite.linker.internal.declarations.ClassInfo;
import dev.patchsite.linker.internal.declarations.ClassLookup;
import dev.patchsite.linker.internal.declarations.DeclarationFile;
import dev.patchsite.linker.internal.declarations.DeclarationReader;
import dev.patchsite.linker.internal.declarations.DeclarationValidator;
import dev.patchsite.linker.internal.declarations.Declarations;
import dev.patchsite.linker.internal.input.ClassEntry;
import dev.patchsite.linker.internal.input.ClassPath;
import dev.patchsite.linker.internal.input.ClassPaths;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scans a whole program for its functions, variants and sites and returns its patch-site table.
 *
 * <p>Reading every class is the floor of the cost, so each class is inflated only as far as needed. In the first
 * pass every class's constant pool is read and examined ({@link PoolPeek}): a class that mentions the patchsite
 * annotations is read whole for its declarations; a class that references a function already known is read whole
 * and scanned; every other class stops at the end of its pool, leaving behind only the hashes of the classes it
 * calls (folded into {@link OwnerBlooms}) and the hash of its superclass's name. Between the passes, the subclasses
 * that inherit functions are found from those hashes ({@link InheritedFunctions}). The second pass reads again only
 * the classes that may call a function (by its group's name or a subclass's) learned of after they were looked at.
 * Memory holds the jars' directories and those hashes, never a jar's contents.
 *
 * <p>With a scan cache ({@link ScanRequest#cache()}), a jar entry whose name, CRC-32 and sizes are those the cache
 * recorded is not read at all: its pool's hashes, its declarations and, when the program's functions are those its
 * sites were found with, its sites come from the cache ({@link CacheUse}). The table is the same with or without it.
 */
public final class Scanner {

    /** {@link #checkedVersion} of a class whose facts came from the scan cache. */
    private static final int CACHED = -2;
    /** How many classes a progress report waits for. */
    private static final int PROGRESS_STEP = 512;

    private final ScanRequest request;
    private final ClassPath classPath;
    private final List<ClassEntry> entries;
    private final OwnerBlooms owners;
    private final int[] checkedVersion;
    private final int[] superHashes;
    private final List<List<Site>> sites;
    /** Per class, the indexes of its sites in a linked form that calls the default. */
    private final List<BitSet> callingDefault;
    private final Map<Integer, ClassInfo> declaring = new ConcurrentHashMap<>();
    private volatile FunctionIndex index;
    private final Map<String, byte[]> kept = new ConcurrentHashMap<>();
    private final AtomicLong keepBudget;
    private final CacheUse cache;

    private Scanner(ScanRequest request, ClassPath classPath, FunctionIndex initial, long keepBytes,
            ScanCache cache) {
        this.request = request;
        this.classPath = classPath;
        this.entries = classPath.entries();
        this.owners = new OwnerBlooms(entries.size());
        this.checkedVersion = new int[entries.size()];
        this.superHashes = new int[entries.size()];
        this.sites = new ArrayList<>(Collections.nCopies(entries.size(), null));
        this.callingDefault = new ArrayList<>(Collections.nCopies(entries.size(), null));
        this.index = initial;
        this.keepBudget = new AtomicLong(keepBytes);
        this.cache = CacheUse.open(cache, entries);
    }

    /**
     * Scans the inputs of a request.
     *
     * @param request what to scan
     * @return the program's patch-site table
     * @throws InputException if an input, entry or class cannot be read
     * @throws ValidationException if the declarations break a rule
     */
    public static PatchSiteTable scan(ScanRequest request) throws PatchsiteException {
        return CachedTables.get(request, "scan", r -> analyze(r, 0, r.cache() == null ? null
                : ScanCache.in(r.cache(), RecordingLog.unrecorded(r.log()))).table());
    }
    /**
     * Scans the inputs of a request and returns the table with the declarations behind it, which linking needs.
     *
     * @param request what to scan
     * @return the table and declarations
     * @throws InputException if an input, entry or class cannot be read
     * @throws ValidationException if the declarations break a rule
     */
    public static ScanResult analyze(ScanRequest request) throws PatchsiteException {
        return analyze(request, 0);
    }

    /**
     * Scans the inputs of a request, keeping the bytes of the classes found to have sites, up to a budget, so that
     * linking need not read them again.
     *
     * @param request what to scan
     * @param keepBytes how many bytes of classes with sites to keep at most
     * @return the table, the declarations and the classes kept
     * @throws InputException if an input, entry or class cannot be read
     * @throws ValidationException if the declarations break a rule
     */
    public static ScanResult analyze(ScanRequest request, long keepBytes) throws PatchsiteException {
        return analyze(request, keepBytes, request.cache() == null ? null
                : ScanCache.in(request.cache(), request.log()));
    }

    /** Scans with the given cache, which reports its own problems to its own log (not the scan's). */
    private static ScanResult analyze(ScanRequest request, long keepBytes, ScanCache cache)
            throws PatchsiteException {
        DeclarationFile file = request.declarations() == null ? DeclarationFile.EMPTY
                : DeclarationFile.read(request.declarations());
        List<Function> declared = new ArrayList<>();
        for (DeclarationFile.DeclaredFunction function : file.functions()) {
            declared.add(new Function(function.id() == null ? function.method().toString() : function.id(),
                    function.method(), function.updatable(), true));
        }
        if (cache != null) {
            cache.prefetch(request.inputs());
        }
        try (ClassPath classPath = ClassPath.open(request.inputs(), request.log())) {
            return new Scanner(request, classPath, FunctionIndex.EMPTY.with(declared), keepBytes, cache).run(file);
        } catch (IOException e) {
            throw new InputException("cannot close inputs: " + e.getMessage(), e);
        }
    }

    private ScanResult run(DeclarationFile file) throws PatchsiteException {
        Map<String, ClassInfo> known = new HashMap<>();
        List<ClassInfo> annotated = new ArrayList<>();
        parallel("scanning", this::firstPass);
        for (Map.Entry<Integer, ClassInfo> entry : new java.util.TreeMap<>(declaring).entrySet()) {
            if (entries.get(entry.getKey()).release() == 0) {
                annotated.add(entry.getValue());
                known.put(entry.getValue().name(), entry.getValue());
            }
        }
        addLookedUp(known);
        Declarations declarations;
        ClassLookup lookup = new ClassLookup(classPath::baseClass, known);
        try {
            declarations = new DeclarationValidator(lookup).validate(annotated, file);
        } catch (MalformedClassException | UncheckedIOException e) {
            throw new InputException("while validating declarations: " + Messages.rootCause(e), e);
        }
        declarations.warnings().forEach(request.log()::warn);
        if (!declarations.problems().isEmpty()) {
            throw new ValidationException(declarations.problems());
        }
        FunctionIndex last = index;
        index = last.hasExactly(declarations.functions()) ? last
                : FunctionIndex.EMPTY.with(declarations.functions()).withVersion(last.version() + 1);
        Map<MethodRef, Function> inherited = InheritedFunctions.find(entries, superHashes, declarations.functions(),
                lookup);
        index = index.withInherited(inherited);
        byte[] fingerprint = index.fingerprint();
        int[] rest = replayCachedSites(fingerprint);
        parallel("scanning, second pass", rest, this::secondPass);
        Set<Site.Key> linkedSuperCalls = new HashSet<>();
        ScanResult result = new ScanResult(new PatchSiteTable(declarations.functions(), declarations.variants(),
                markSuperCalls(declarations.variants(), linkedSuperCalls)), declarations, kept, classPath.modules(),
                inherited, linkedSuperCalls);
        saveCache(fingerprint, lookup.readFromInputs());
        return result;
    }

    /** Adds the classes an earlier scan's validation read whole and the cache kept, so that they are not read again. */
    private void addLookedUp(Map<String, ClassInfo> known) {
        for (int i = 0; i < entries.size(); i++) {
            if (cache.isHit(i) && !cache.declares(i) && cache.hasDeclaration(i) && entries.get(i).release() == 0) {
                ClassInfo info = cache.declaration(i);
                known.putIfAbsent(info.name(), info);
            }
        }
    }

    /** Leaves what each jar entry contributed to this scan in the cache, for the next scan. */
    private void saveCache(byte[] fingerprint, Map<String, ClassInfo> lookedUp) {
        // Found by position, not by each entry's name: making every name costs a big jar 67,000 strings.
        Map<Integer, ClassInfo> read = new HashMap<>();
        BitSet wasRead = new BitSet();
        lookedUp.forEach((name, info) -> {
            ClassEntry entry = classPath.baseClass(name);
            int i = entry == null ? -1 : classPath.position(entry);
            if (i >= 0) {
                read.put(i, info);
                wasRead.set(i);
            }
        });
        cache.save(fingerprint, i -> {
            boolean hit = cache.isHit(i);
            if (hit && sites.get(i) == cache.sites(i) && !wasRead.get(i)) {
                return null; // nothing learned of the class: its record as it is
            }
            ClassInfo declaration = declaring.get(i);
            if (declaration == null) {
                declaration = wasRead.get(i) ? read.get(i) : hit && cache.hasDeclaration(i)
                        ? cache.declaration(i) : null;
            }
            return new ClassFacts(superHashes[i], owners.word(i, 0), owners.word(i, 1), declaring.containsKey(i),
                    declaration, sites.get(i), callingDefault.get(i));
        });
    }

    /** Looks at every class's pool; reads declaring classes and classes calling known functions whole. */
    private void firstPass(ClassBuffer buffer, int i) throws IOException, InputException {
        ClassEntry entry = entries.get(i);
        if (cache.lookup(i)) {
            owners.set(i, cache.owners(i, 0), cache.owners(i, 1));
            superHashes[i] = cache.superHash(i);
            checkedVersion[i] = CACHED;
            if (cache.declares(i)) {
                declare(i, cache.declaration(i));
            }
            return;
        }
        try (InputStream in = entry.source().open(entry)) {
            buffer.start(in);
            ConstantPool pool = ConstantPool.read(buffer);
            checkName(entry, pool);
            PoolPeek peek = PoolPeek.of(pool);
            owners.set(i, peek.ownerHashes());
            superHashes[i] = pool.superNameHash();
            if (peek.declares()) {
                buffer.readAll();
                checkedVersion[i] = -1;
                declare(i, DeclarationReader.read(buffer.bytes(), buffer.length(), entry.location()));
                return;
            }
            FunctionIndex current = index;
            checkedVersion[i] = current.version();
            if (PoolPeek.referencesFunction(pool, current, peek.ownerHashes())) {
                buffer.readAll();
                SiteScanner.Scanned scanned = SiteScanner.scanLinked(buffer, pool, current, entry.release());
                sites.set(i, scanned.sites());
                callingDefault.set(i, scanned.callsDefault());
                keep(entry, buffer, scanned.sites());
            }
        }
    }

    /** Records a class that declares functions or variants, and adds its functions to the index. */
    private void declare(int i, ClassInfo info) {
        declaring.put(i, info);
        List<Function> functions = DeclarationValidator.annotatedFunctions(info);
        if (!functions.isEmpty()) {
            synchronized (this) {
                index = index.with(functions);
            }
        }
    }

    /**
     * Refuses an entry that holds a class of another name: the JVM would never load it from there, and what links
     * it would write an output that {@code verify} rejects.
     */
    private static void checkName(ClassEntry entry, ConstantPool pool) throws IOException, InputException {
        String path = entry.className();
        if (path.indexOf('\0') >= 0) {
            throw new InputException(entry.location().replace("\0", "\\0") + ": entry name holds a NUL character");
        }
        String name = pool.thisClassName();
        if (!name.equals(path)) {
            throw new InputException(entry.location() + ": holds class " + name.replace('/', '.')
                    + ", which belongs in " + ClassPaths.path(name, entry.release()));
        }
    }

    /**
     * Takes the sites of the classes the cache had from the cache, where they were found with this scan's functions,
     * and returns the other classes, which the second pass looks at. A plain loop on one thread: for a big jar with
     * few classes changed, it is almost every class, and handing each to a worker costs more than the work.
     */
    private int[] replayCachedSites(byte[] fingerprint) {
        int[] rest = new int[entries.size()];
        int count = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (checkedVersion[i] == CACHED && cache.sitesHold(i, fingerprint)) {
                sites.set(i, cache.sites(i));
                callingDefault.set(i, cache.callsDefault(i));
            } else {
                rest[count++] = i;
            }
        }
        return Arrays.copyOf(rest, count);
    }

    /**
     * Scans the classes that may call a function learned of after their first look, and those the cache had but with
     * sites found for other functions.
     */
    private void secondPass(ClassBuffer buffer, int i) throws IOException {
        FunctionIndex done = index;
        if (checkedVersion[i] == done.version() || !done.mayReferenceGroup(owners, i)) {
            return;
        }
        ClassEntry entry = entries.get(i);
        try (InputStream in = entry.source().open(entry)) {
            buffer.start(in);
            ConstantPool pool = ConstantPool.read(buffer);
            SiteScanner.Scanned scanned = null;
            if (PoolPeek.referencesFunction(pool, done)) {
                buffer.readAll();
                scanned = SiteScanner.scanLinked(buffer, pool, done, entry.release());
                keep(entry, buffer, scanned.sites());
            }
            sites.set(i, scanned == null ? null : scanned.sites());
            callingDefault.set(i, scanned == null ? null : scanned.callsDefault());
        }
    }

    /** Keeps a class with sites for linking, if the budget allows. */
    private void keep(ClassEntry entry, ClassBuffer buffer, List<Site> found) {
        if (!found.isEmpty() && keepBudget.get() >= buffer.length()
                && keepBudget.addAndGet(-buffer.length()) >= 0) {
            kept.put(entry.location(), buffer.copy());
        }
    }

    private void parallel(String task, Parallel.Task<ClassBuffer> pass) throws InputException {
        parallel(task, null, pass);
    }

    /** Runs a pass over the entries of the given indexes, or over every entry for null. */
    private void parallel(String task, int[] indexes, Parallel.Task<ClassBuffer> pass) throws InputException {
        AtomicLong done = new AtomicLong();
        int total = indexes == null ? entries.size() : indexes.length;
        try {
            Parallel.forEach(total, request.threads(), ClassBuffer::new, (buffer, k) -> {
                int i = indexes == null ? k : indexes[k];
                try {
                    pass.run(buffer, i);
                    long count = done.incrementAndGet();
                    if (count % PROGRESS_STEP == 0 || count == total) {
                        request.progress().update(task, count, total);
                    }
                } catch (MalformedClassException e) {
                    throw new InputException(entries.get(i).location() + ": malformed class file: " + e.getMessage());
                } catch (IOException | UncheckedIOException e) {
                    throw new InputException(entries.get(i).location() + ": corrupt entry: "
                            + Messages.rootCause(e), e);
                }
            });
        } catch (InputException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new InputException("scan interrupted: " + Messages.rootCause(e), e);
        }
    }

    /**
     * Returns every class's sites with their callers as before linking and their super-call marks, and collects the
     * super-calls found in a linked form that calls the default.
     */
    private List<Site> markSuperCalls(List<Variant> variants, Set<Site.Key> linkedSuperCalls) {
        Map<String, List<Variant>> byClass = new HashMap<>();
        for (Variant variant : variants) {
            byClass.computeIfAbsent(variant.className(), c -> new ArrayList<>()).add(variant);
        }
        Map<String, Function> functions = new HashMap<>();
        List<Site> all = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            List<Site> found = sites.get(i);
            if (found == null) {
                continue;
            }
            String in = entries.get(i).source().nestedPath();
            for (int j = 0; j < found.size(); j++) {
                Site site = LinkedForms.unmoved(found.get(j)).in(in);
                boolean superCall = false;
                for (Variant variant : byClass.getOrDefault(site.caller().owner(), List.of())) {
                    superCall |= variant.implementsFunction(site.functionId());
                }
                if (superCall && callingDefault.get(i).get(j)) {
                    linkedSuperCalls.add(site.key());
                }
                all.add(superCall == site.superCall() ? site : site.with(site.caller(), true, site.line(),
                        site.offset()));
            }
        }
        return all;
    }
}
