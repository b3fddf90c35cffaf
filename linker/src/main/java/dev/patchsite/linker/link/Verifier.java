package dev.patchsite.linker.link;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.ScanSettings;
import dev.patchsite.linker.scan.TableSource;
import dev.patchsite.linker.ValidationException;
import dev.patchsite.linker.internal.classfile.Opcodes;
import dev.patchsite.linker.internal.classfile.PatchOut;
import dev.patchsite.linker.internal.input.ArchiveLayout;
import dev.patchsite.linker.internal.input.ClassPaths;
import dev.patchsite.linker.scan.ClassSites;
import dev.patchsite.linker.scan.LocatedSite;
import dev.patchsite.linker.scan.ScanResult;
import dev.patchsite.linker.scan.Scanner;
import dev.patchsite.linker.table.Binding;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.SiteKind;
import dev.patchsite.linker.table.TableWriter;
import dev.patchsite.runtime.Bootstrap;
import dev.patchsite.runtime.GroupInfo;
import dev.patchsite.runtime.PatchData;
import dev.patchsite.linker.internal.input.Jars;
import dev.patchsite.linker.internal.zip.ZipArchive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a linked jar against the table embedded in it: every site of the table is in the bytecode, bound as the
 * table says (a patched site is an {@code invokestatic} the agent's patch data covers, an {@code indy} site an
 * {@code invokedynamic}, an {@code out} site the pops its class's {@code PatchedOut} attribute records...); every call of a function in the bytecode is in the table; every group the runtime needs
 * is described; every variant is still valid. A jar tampered with after linking is refused too: a group description
 * that disagrees with the table ({@link GroupDescriptionCheck}), a binding its mode never makes
 * ({@link BindingModeCheck}), a bound site in a class nowhere ({@link SiteClassCheck}).
 */
public final class Verifier {

    private static final String TABLE = TableSource.EMBEDDED_TABLE;

    private final Path jar;
    private final List<String> problems = new ArrayList<>();

    private Verifier(Path jar) {
        this.jar = jar;
    }

    /**
     * Verifies a linked jar.
     *
     * @param jar the linked jar, one of the program's jars
     * @param program the files the jar was linked with: the jars of the same link, the class path and the declaration
     *     file
     * @param settings the threads and log to read the program with
     * @return the jar's embedded table
     * @throws InputException if the jar cannot be read or was not linked
     * @throws ValidationException with the list of problems, if any
     */
    public static PatchSiteTable verify(Path jar, ProgramFiles program, ScanSettings settings)
            throws PatchsiteException {
        // The jars of one link are one program: the jar is verified with the others before the class path.
        return new Verifier(jar).run(ScanRequest.of(program.from(jar), program.declarations(), settings));
    }

    private PatchSiteTable run(ScanRequest settings) throws PatchsiteException {
        PatchSiteTable table;
        try (ZipArchive zip = Jars.open(jar)) {
            table = TableSource.linkedTable(jar, zip);
            if (table == null) {
                return unlinked(zip, settings);
            }
            // The scan finds the subclasses that inherit functions in the jar and its classpath, as linking did.
            Map<MethodRef, Function> inherited = new HashMap<>(LinkedCalls.inherited(table));
            try {
                ScanResult program = Scanner.analyze(settings);
                program.inherited().forEach(inherited::putIfAbsent);
                SuperCallCheck.check(program, problems);
                problems.addAll(ModuleAccessCheck.problems(jar, table, program.modules()));
            } catch (ValidationException e) {
                problems.addAll(e.problems());
            }
            ArchiveLayout layout = Jars.layout(jar.toString(), zip);
            List<ClassRoot> roots = roots(zip, layout);
            Set<String> classes = classes(roots);
            checkBytecode(roots, table, inherited, classes);
            String loaded = layout.nested() ? layout.classes() : "";
            checkGroups(zip, loaded, table);
            problems.addAll(GroupDescriptionCheck.problems(jar, zip, loaded, table));
            problems.addAll(BindingModeCheck.problems(jar, table, classes));
            problems.addAll(SiteClassCheck.problems(jar, table, classes,
                    settings.inputs().subList(1, settings.inputs().size())));
            problems.addAll(LauncherAgentCheck.problems(jar, zip, settings.inputs().subList(1,
                    settings.inputs().size())));
        } catch (IOException e) {
            throw new InputException(jar + ": not a readable jar: " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            Collections.sort(problems);
            throw new ValidationException("in " + jar, problems);
        }
        return table;
    }

    /**
     * Verifies a jar without a table: {@code link} copies a jar that holds no function, variant or site of the
     * program unchanged, and such a jar is as it should be; any other was not linked.
     *
     * @return a table without functions and without a {@code linked} line
     */
    private PatchSiteTable unlinked(ZipArchive zip, ScanRequest settings) throws PatchsiteException {
        PatchSiteTable program = Scanner.scan(settings);
        Set<String> classes = new TreeSet<>();
        program.sites().forEach(site -> classes.add(ClassPaths.path(site.caller().owner(), site.release())));
        program.functions().forEach(function -> classes.add(function.group() + ".class"));
        program.variants().forEach(variant -> classes.add(variant.className() + ".class"));
        for (String entry : classes) {
            if (zip.find(entry) >= 0) {
                throw new InputException(jar + ": not linked (no " + TABLE + "), but it holds " + entry
                        + " of the program; link it first");
            }
        }
        return new PatchSiteTable(List.of(), List.of(), List.of(), null, Map.of());
    }

    /** Compares the table's sites in this jar's classes with the sites found in their bytecode. */
    private void checkBytecode(List<ClassRoot> roots, PatchSiteTable table, Map<MethodRef, Function> inherited,
            Set<String> classes) throws IOException {
        List<Function> locatable = LinkedCalls.locatable(table, table.linkedMode() == LinkMode.STATIC);
        Map<Site.Key, Site> expected = new HashMap<>();
        for (Site site : table.sites()) {
            if (site.binding() != null && classes.contains(site.release() + "/" + site.caller().owner())) {
                expected.put(site.key(), site);
            }
        }
        Set<MethodRef> trampolines = new HashSet<>();
        Map<String, Function> functions = new HashMap<>();
        table.functions().forEach(f -> trampolines.add(f.method()));
        table.functions().forEach(f -> functions.put(f.id(), f));
        for (ClassRoot root : roots) {
            checkBytecode(root, locatable, inherited, expected, trampolines, functions);
        }
        for (Site missing : expected.values()) {
            problems.add(jar + ": " + TableWriter.siteLine(missing).substring("site ".length())
                    + ": not in the bytecode");
        }
    }

    /** Compares the sites found in one class root's bytecode with those the table lists, taking each found out. */
    private void checkBytecode(ClassRoot root, List<Function> locatable, Map<MethodRef, Function> inherited,
            Map<Site.Key, Site> expected, Set<MethodRef> trampolines, Map<String, Function> functions)
            throws IOException {
        ZipArchive zip = root.zip();
        for (int entry = 0; entry < zip.size(); entry++) {
            String name = zip.name(entry);
            int release = root.release(name);
            if (release < 0
                    || name.startsWith(Bootstrap.TRAMPOLINE_PACKAGE.replace('.', '/'), root.prefix().length())) {
                continue;
            }
            byte[] bytes = zip.read(entry);
            String location = root.name() + "!/" + name;
            Map<Integer, Integer> patchable = new HashMap<>();
            try {
                for (int[] patchSite : PatchData.patchSites(bytes)) {
                    patchable.put(patchSite[0], patchSite[1]);
                }
            } catch (IllegalStateException e) {
                problems.add(location + ": malformed patch data: " + e.getMessage());
                continue;
            }
            List<LocatedSite> found;
            try {
                found = ClassSites.locate(bytes, locatable, inherited, release);
            } catch (IllegalArgumentException e) {
                problems.add(location + ": malformed class file: " + e.getMessage());
                continue;
            }
            for (LocatedSite located : found) {
                if (trampolines.contains(located.site().caller())) {
                    continue; // a trampoline's own call of the selection
                }
                Site site = LinkedCalls.unmoved(located.site());
                Site listed = expected.remove(site.key());
                if (listed == null) {
                    problems.add(location + ": a call the table does not list: "
                            + TableWriter.siteLine(site).substring("site ".length()));
                    continue;
                }
                String wrong = mismatch(listed, located, bytes, patchable, functions.get(listed.functionId()));
                if (wrong != null) {
                    problems.add(location + ": " + TableWriter.siteLine(listed).substring("site ".length()) + ": "
                            + wrong);
                }
            }
        }
    }

    /** Returns the classes of a jar's class roots, as {@code release/internal name}. */
    private static Set<String> classes(List<ClassRoot> roots) {
        Set<String> classes = new HashSet<>();
        for (ClassRoot root : roots) {
            for (int entry = 0; entry < root.zip().size(); entry++) {
                String name = root.zip().name(entry);
                int release = root.release(name);
                if (release >= 0) {
                    classes.add(release + "/" + ClassPaths.className(name.substring(root.prefix().length()),
                            release));
                }
            }
        }
        return classes;
    }

    /**
     * Returns a jar's class roots: its top level, and a Spring Boot or web archive's class directory and nested
     * jars, these read in place.
     */
    private List<ClassRoot> roots(ZipArchive zip, ArchiveLayout layout) throws InputException {
        List<ClassRoot> roots = new ArrayList<>();
        roots.add(new ClassRoot(jar.toString(), zip, ""));
        if (layout.nested()) {
            roots.add(new ClassRoot(jar.toString(), zip, layout.classes()));
            for (String lib : layout.libs()) {
                roots.add(new ClassRoot(jar + "!/" + lib, Jars.openNested(jar.toString(), zip, lib), ""));
            }
        }
        return roots;
    }

    /**
     * Where classes are in a linked jar: the jar itself, its class directory or a nested jar. A nested archive
     * shares the jar's file and needs no closing.
     *
     * @param name the jar's or nested jar's name in messages
     * @param zip the archive
     * @param prefix the prefix of the classes' entries, e.g. {@code BOOT-INF/classes/}; empty for the top level
     */
    private record ClassRoot(String name, ZipArchive zip, String prefix) {

        /** Returns the release of an entry of the root, or -1 if it is not a class of this root. */
        int release(String entry) {
            return entry.startsWith(prefix) ? ClassPaths.release(entry.substring(prefix.length())) : -1;
        }
    }

    /** Returns what is wrong with a site's bytecode, or null. */
    private static String mismatch(Site listed, LocatedSite located, byte[] bytes, Map<Integer, Integer> patchable,
            Function function) {
        int opcode = bytes[located.instruction()] & 0xff;
        Binding binding = listed.binding();
        if (binding.kind() == Binding.Kind.TRAMPOLINE && Binding.ADDRESS.equals(binding.reason())) {
            return located.site().kind() == listed.kind() ? null : "expected a " + listed.kind().label()
                    + " constant, found a " + located.site().kind().label();
        }
        if (binding.kind() == Binding.Kind.INDY) {
            return opcode == Opcodes.INVOKEDYNAMIC ? null : "bound indy but the instruction is not an invokedynamic";
        }
        if (binding.kind() == Binding.Kind.DEFAULT && opcode == Opcodes.INVOKEDYNAMIC) {
            // Every call of a function in a variant implementing it is a super-call: none may go to the selection.
            MethodRef method = function.method();
            DynamicCalls calls = DynamicCalls.of(bytes);
            return calls.has("defaultBody", method.owner(), method.name(), method.descriptor())
                    && !calls.has("site", method.owner(), method.name(), method.descriptor()) ? null
                    : "bound default but the invokedynamic is not bound to the default";
        }
        // The scanner reads a patched-out call only where its bytes are the pops of the call's arguments.
        boolean patchedOut = located.site().kind() == SiteKind.INVOKE && opcode != Opcodes.INVOKESTATIC
                && opcode != Opcodes.INVOKEDYNAMIC;
        if (binding.kind() == Binding.Kind.OUT || patchedOut) {
            return binding.kind() != Binding.Kind.OUT ? "bound " + binding.label() + " but the call was patched out"
                    : patchedOut ? null : "bound out but the call was not patched out";
        }
        if (opcode != Opcodes.INVOKESTATIC || located.site().kind() != SiteKind.INVOKE) {
            return "bound " + binding.label() + " but the instruction is not an invokestatic";
        }
        if (binding.kind() == Binding.Kind.PATCH && !patchable.containsKey(located.instruction())) {
            return "bound patch but the class's patch data does not cover it";
        }
        // A patch-out that is not exactly the pops of the call's arguments would fail the JVM's verifier at load.
        int patchOut = binding.kind() == Binding.Kind.PATCH ? patchable.get(located.instruction()) : -1;
        if (patchOut >= 0 && patchOut != PatchOut.instruction(function.method().descriptor())) {
            return "bound patch but the class's patch data patches the call out with other than the pops of its"
                    + " arguments";
        }
        return null;
    }

    /** Checks that the runtime will find a description of every group, in boot and indy modes. */
    private void checkGroups(ZipArchive zip, String loaded, PatchSiteTable table) {
        if (table.linkedMode() == LinkMode.STATIC) {
            return;
        }
        Set<String> groups = new HashSet<>();
        table.functions().forEach(f -> groups.add(f.method().ownerBinaryName()));
        for (String group : groups) {
            if (zip.find(loaded + GroupInfo.resourceName(group)) < 0) {
                problems.add(jar + ": no " + loaded + GroupInfo.resourceName(group) + "; the runtime cannot select a"
                        + " variant of " + group);
            }
        }
    }
}
