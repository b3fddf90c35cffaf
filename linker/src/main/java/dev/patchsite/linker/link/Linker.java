package dev.patchsite.linker.link;

import dev.patchsite.linker.Vocabulary;
import dev.patchsite.linker.Vocabulary.Setting;
import dev.patchsite.linker.internal.output.AtomicOutput;
import dev.patchsite.linker.InputException;
import dev.patchsite.linker.LinkException;
import dev.patchsite.linker.internal.output.OutputPaths;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.internal.declarations.ClassInfo;
import dev.patchsite.linker.scan.ScanResult;
import dev.patchsite.linker.scan.Scanner;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.Variant;
import dev.patchsite.runtime.GroupInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.objectweb.asm.Opcodes;

/**
 * Links programs: scans the inputs and the classpath as one program, decides how each site is bound, rewrites the
 * inputs' classes that change, and writes each input's linked jar. The inputs are never modified.
 */
public final class Linker {

    private final LinkRequest request;
    private final long keepBytes;

    private Linker(LinkRequest request, long keepBytes) {
        this.request = request;
        this.keepBytes = keepBytes;
    }

    /**
     * Links the inputs of a request.
     *
     * @param request what to link
     * @return the whole program's linked table, as embedded in each output; a table without functions if the program
     *     has none, in which case each input was copied unchanged; null if every input was linked already (and copied)
     * @throws InputException if an input cannot be read or an output cannot be written
     * @throws dev.patchsite.linker.ValidationException if the declarations break a rule
     * @throws LinkException if the program cannot be linked as asked
     */
    public static PatchSiteTable link(LinkRequest request) throws PatchsiteException {
        return link(request, keepBudget());
    }

    /** Links with a given budget for the class bytes the scan keeps; the tests use it to read every class again. */
    static PatchSiteTable link(LinkRequest request, long keepBytes) throws PatchsiteException {
        return new Linker(request, keepBytes).run();
    }

    private PatchSiteTable run() throws PatchsiteException {
        checkOutputs();
        if (!request.selections().isEmpty() && request.mode() != LinkMode.STATIC) {
            Vocabulary words = request.log().vocabulary();
            throw new LinkException(words.name(Setting.SELECT) + " fixes a group's variant at link time, which only "
                    + words.setting(Setting.MODE, LinkMode.STATIC.label()) + " does; in " + request.mode().label()
                    + " mode, select at run time with"
                    + " -Dpatchsite.select.<group>=<variant>");
        }
        // The inputs are looked at before the scan and opened again after it: a jar's directory is held in memory
        // only while the jar is being linked, never beside the scanner's.
        List<Boolean> toLink = new ArrayList<>();
        for (int i = 0; i < request.inputs().size(); i++) {
            JarFacts facts = JarFacts.of(request.inputs().get(i), request.log().vocabulary());
            boolean link = !alreadyLinked(facts, i);
            if (link) {
                checkSignatures(facts, i);
            }
            toLink.add(link);
        }
        if (!toLink.contains(true)) {
            return null;
        }
        checkClasspathLinks();
        return link(toLink);
    }

    private void checkSignatures(JarFacts jar, int index) throws LinkException {
        List<String> signatures = jar.signatureFiles();
        if (!signatures.isEmpty() && !request.stripSignatures()) {
            throw JarFacts.signed(request.inputs().get(index).toString(), signatures.get(0),
                    request.log().vocabulary());
        }
    }

    private PatchSiteTable link(List<Boolean> toLink) throws PatchsiteException {
        List<Path> scanned = new ArrayList<>(request.inputs());
        scanned.addAll(request.classpath());
        long start = System.nanoTime();
        ScanResult scan = Scanner.analyze(new ScanRequest(scanned, request.declarations(), request.threads(),
                request.log(), request.cache(), request.progress()), keepBytes);
        request.log().info("scanned in " + millisSince(start) + " ms: " + scan.table().sites().size() + " sites");
        start = System.nanoTime();
        PatchSiteTable table = scan.table();
        if (table.functions().isEmpty()) {
            return nothingToLink(table, toLink);
        }
        List<JarLinker> jars = new ArrayList<>();
        try {
            for (Path input : request.inputs()) {
                jars.add(JarLinker.open(input));
            }
            return link(scan, jars, toLink, start);
        } finally {
            jars.forEach(JarLinker::close);
        }
    }

    private PatchSiteTable link(ScanResult scan, List<JarLinker> jars, List<Boolean> toLink, long start)
            throws PatchsiteException {
        PatchSiteTable table = scan.table();
        Map<JarLinker.ClassRoot, Predicate<String>> owned = ownedClasses(jars);
        List<JarLinker> rewritten = new ArrayList<>();
        for (int i = 0; i < jars.size(); i++) {
            if (toLink.get(i)) {
                rewritten.add(jars.get(i));
            }
        }
        Set<String> rewrittenGroups = RewrittenGroups.of(table, scan.declarations(), rewritten,
                scan.linkedSuperCalls(), request.log());
        checkSelections(table);
        checkGroupVersions(scan, rewrittenGroups);
        Program program = new Program(request.mode(), table, scan.declarations(), rewrittenGroups,
                request.selections(), request.mode() != LinkMode.INDY ? EmptyBodies.of(table, rewrittenGroups,
                        rewritten) : Set.of());
        UnboundSites.warn(program, rewritten, request.classpath(), request.log());
        TrampolineModuleCheck.check(program, scan.modules());
        TrampolineHolder.checkNames(program, rewritten);
        ClassLinker classLinker = new ClassLinker(program, scan.modules());
        Map<String, List<Site>> sitesByClass = new HashMap<>();
        for (Site site : table.sites()) {
            sitesByClass.computeIfAbsent(site.release() + "/" + site.caller().owner(), k -> new ArrayList<>())
                    .add(site);
        }
        Map<String, List<Function>> functionsByGroup = new HashMap<>();
        for (Function function : table.functions()) {
            if (rewrittenGroups.contains(function.group())) {
                functionsByGroup.computeIfAbsent(function.group(), g -> new ArrayList<>()).add(function);
            }
        }
        // Each jar is written while its classes are linked: the writer copies the entries that do not change as the
        // linking threads finish the ones that do. The table, at the end of each jar, waits for every jar's classes.
        ExecutorService executor = Executors.newFixedThreadPool(request.threads(), runnable -> {
            Thread thread = new Thread(runnable, "patchsite-link");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int i = 0; i < jars.size(); i++) {
                if (toLink.get(i)) {
                    jars.get(i).startLinking(classLinker, sitesByClass, functionsByGroup, owned,
                            scan.classesWithSites(), executor);
                    jars.get(i).checkNestedSignatures(request.stripSignatures(), request.log().vocabulary());
                }
            }
            PatchSiteTable[] linked = new PatchSiteTable[1];
            JarLinker.TableSupplier linkedTable = () -> {
                if (linked[0] == null) {
                    linked[0] = linkedTable(table, jars, toLink);
                }
                return linked[0];
            };
            Map<String, GroupInfo> groups = request.mode() == LinkMode.STATIC ? Map.of()
                    : GroupDescriptions.of(table);
            for (int i = 0; i < jars.size(); i++) {
                JarLinker jar = jars.get(i);
                if (!toLink.get(i)) {
                    continue;
                }
                if (!jar.changed() && table.variants().stream().noneMatch(v -> jar.holdsClass(v.className()
                        + ".class"))) {
                    JarLinker.copy(request.inputs().get(i), request.outputs().get(i));
                    request.log().warn(request.inputs().get(i) + ": it holds no function, variant or call of a"
                            + " function of this program: nothing to link; copied unchanged");
                    continue;
                }
                jar.write(request.outputs().get(i), program, linkedTable, groups,
                        RuntimeLaunch.of(jar, request.outputs().get(i), request), request.stripSignatures(),
                        request.progress());
                request.log().info("linked and wrote " + request.outputs().get(i) + " in " + millisSince(start)
                        + " ms");
                start = System.nanoTime();
            }
            return linkedTable.get();
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Copies each input to link unchanged, since the program has no function: linking would add only a table, and an
     * agent or a runtime that nothing needs.
     */
    private PatchSiteTable nothingToLink(PatchSiteTable table, List<Boolean> toLink) throws PatchsiteException {
        checkSelections(table);
        for (int i = 0; i < toLink.size(); i++) {
            if (toLink.get(i)) {
                JarLinker.copy(request.inputs().get(i), request.outputs().get(i));
                request.log().warn(request.inputs().get(i) + ": no function found, in the inputs or on the class path"
                        + " they are linked with: nothing to link; copied unchanged");
            }
        }
        return new PatchSiteTable(List.of(), List.of(), List.of(), request.mode(), request.selections());
    }

    /** Returns the program's table with the bindings of every linked jar's sites. */
    private PatchSiteTable linkedTable(PatchSiteTable table, List<JarLinker> jars, List<Boolean> toLink)
            throws PatchsiteException {
        Map<Site.Key, Site> boundSites = new HashMap<>();
        for (int i = 0; i < jars.size(); i++) {
            if (toLink.get(i)) {
                jars.get(i).awaitLinking();
                jars.get(i).warnings().forEach(request.log()::warn);
                for (Site site : jars.get(i).boundSites()) {
                    boundSites.put(site.key(), site);
                }
            }
        }
        List<Site> sites = new ArrayList<>();
        for (Site site : table.sites()) {
            sites.add(boundSites.getOrDefault(site.key(), site));
        }
        return new PatchSiteTable(table.functions(), table.variants(), sites, request.mode(),
                request.selections());
    }

    /**
     * Returns how many bytes of the classes with sites the scan may keep for linking, so that they are not read and
     * inflated again: an eighth of the heap, at most 256 MiB. Classes beyond it are read again.
     */
    private static long keepBudget() {
        return Math.min(Runtime.getRuntime().maxMemory() / 8, 256L << 20);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Copies an input that is already linked in the requested mode; refuses one linked in another. */
    private boolean alreadyLinked(JarFacts jar, int index) throws PatchsiteException {
        String linked = jar.linkedDescription();
        if (linked == null) {
            return false;
        }
        String wanted = new PatchSiteTable(List.of(), List.of(), List.of(), request.mode(),
                request.selections()).linkedDescription();
        if (!linked.equals(wanted)) {
            throw new LinkException(request.inputs().get(index) + " is already linked (" + linked + "); link the jar"
                    + " it was linked from to link it as " + wanted);
        }
        String mode = linked;
        JarLinker.copy(request.inputs().get(index), request.outputs().get(index));
        request.log().info(request.inputs().get(index) + " is already linked in " + mode + " mode; copied unchanged");
        return true;
    }

    /**
     * Refuses to link against a jar of the class path linked so that one group would run two selections: one of the
     * two links is static and they do not fix the same selections (boot and indy bind the same run-time selection).
     */
    private void checkClasspathLinks() throws PatchsiteException {
        String wanted = new PatchSiteTable(List.of(), List.of(), List.of(), request.mode(),
                request.selections()).linkedDescription();
        for (Path entry : request.classpath()) {
            String linked = Files.isRegularFile(entry)
                    ? JarFacts.of(entry, request.log().vocabulary()).linkedDescription() : null;
            boolean eitherStatic = linked != null && (request.mode() == LinkMode.STATIC
                    || linked.startsWith(LinkMode.STATIC.label()));
            if (eitherStatic && !linked.equals(wanted)) {
                throw new LinkException(entry + " is linked as \"" + linked + "\" and this link is \"" + wanted
                        + "\": a static link fixes each group's selection, so the program would run two selections"
                        + " of a group; link every jar of the program in static mode with the same selections, or"
                        + " none of them");
            }
        }
    }

    /**
     * Refuses, before any work, outputs that would replace an input (a jar to link, a class path entry or the
     * declaration file, compared as files, not as names), two inputs that would be written to one output (the same
     * jar given twice, or two jars of one file name with an output directory), and outputs that cannot be replaced
     * by a file.
     */
    private void checkOutputs() throws PatchsiteException {
        List<Path> inputs = new ArrayList<>(request.inputs());
        inputs.addAll(request.classpath());
        inputs.add(request.declarations());
        for (int i = 0; i < request.outputs().size(); i++) {
            Path output = request.outputs().get(i);
            String conflict = OutputPaths.conflict(output, inputs);
            if (conflict != null) {
                throw new LinkException(conflict);
            }
            for (int j = 0; j < i; j++) {
                Path input = request.inputs().get(i);
                Path earlier = request.inputs().get(j);
                if (OutputPaths.sameFile(input, earlier)) {
                    throw new LinkException(input + " is given twice" + (input.equals(earlier) ? "" : " (also as "
                            + earlier + ")") + "; name each jar to link once");
                }
                if (OutputPaths.sameFile(output, request.outputs().get(j))) {
                    throw new LinkException(earlier + " and " + input + " would both be written to " + output
                            + "; link jars of one file name in separate runs, each with its own output");
                }
            }
            AtomicOutput.checkReplaceable(output);
        }
    }

    /**
     * Returns, per class root of the inputs (nested jars' included), which of its classes the scan read: those no
     * earlier root has (a class's path is its name and release, so an earlier root with the path shadows it).
     */
    private static Map<JarLinker.ClassRoot, Predicate<String>> ownedClasses(List<JarLinker> jars) {
        List<JarLinker.ClassRoot> roots = new ArrayList<>();
        jars.forEach(jar -> roots.addAll(jar.classRoots()));
        Map<JarLinker.ClassRoot, Predicate<String>> owned = new HashMap<>();
        for (int i = 0; i < roots.size(); i++) {
            List<JarLinker.ClassRoot> earlier = roots.subList(0, i);
            owned.put(roots.get(i), path -> earlier.stream().noneMatch(root -> root.contains(path)));
        }
        return owned;
    }

    private void checkSelections(PatchSiteTable table) throws LinkException {
        if (request.selections().isEmpty()) {
            return;
        }
        Set<String> groups = new TreeSet<>();
        table.functions().forEach(f -> groups.add(f.method().ownerBinaryName()));
        for (Map.Entry<String, String> selection : request.selections().entrySet()) {
            if (!groups.contains(selection.getKey())) {
                throw new LinkException(selectionSetting(selection) + ": "
                        + selection.getKey() + " is not a group of this program; its groups are: "
                        + String.join(", ", groups));
            }
            List<String> known = new ArrayList<>();
            known.add("default");
            for (Variant variant : table.variants()) {
                if (variant.group().replace('/', '.').equals(selection.getKey())) {
                    known.add(variant.name());
                }
            }
            if (!known.contains(selection.getValue())) {
                throw new LinkException(selectionSetting(selection)
                        + ": unknown variant \"" + selection.getValue() + "\"; known variants: "
                        + String.join(", ", known));
            }
        }
    }

    /** Names a static selection as the user gave it, e.g. {@code --select com.example.Lock=numa}. */
    private String selectionSetting(Map.Entry<String, String> selection) {
        return request.log().vocabulary().setting(Setting.SELECT, selection.getKey() + "=" + selection.getValue());
    }

    private void checkGroupVersions(ScanResult scan, Set<String> rewrittenGroups) throws LinkException {
        if (request.mode() == LinkMode.STATIC) {
            return;
        }
        for (String group : rewrittenGroups) {
            ClassInfo info = scan.declarations().groupClasses().get(group);
            if (info != null && info.version() < Opcodes.V1_7) {
                throw new LinkException(info.location() + ": class file version " + info.version() + " (Java "
                        + (info.version() - 44) + ") is too old to host a trampoline, which needs invokedynamic"
                        + " (version 51, Java 7); recompile " + info.binaryName() + " for Java 7 or later, or link"
                        + " with " + request.log().vocabulary().setting(Setting.MODE, LinkMode.STATIC.label()));
            }
        }
    }
}
