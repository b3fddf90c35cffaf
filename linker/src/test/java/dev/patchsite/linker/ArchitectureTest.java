package dev.patchsite.linker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.scan.Scanner;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

/**
 * Checks the package structure of the compiled core ({@code target/classes}): dependencies between packages point one
 * way, along the data flow (inputs, class-file bytes, declarations, scan, table, then link, explain, diff, check), as the
 * {@link #ALLOWED} table says. A failure lists the offending class → class edges.
 */
class ArchitectureTest {

    private static final String PROJECT = "dev/patchsite/linker";

    private static final List<String> INTERNAL =
            List.of("internal.io", "internal.zip", "internal.output", "internal.classfile", "internal.input",
                    "internal.declarations", "internal.cache");

    /**
     * Package (relative to {@code dev.patchsite.linker}, "" for the root) → the packages it may depend on. The table
     * model is the vocabulary of every layer above the root, so the class-file layer (a pool's method reference) and
     * the declarations (functions, variants) use it. The front-ends (the command line, the Maven plugin) are modules of
     * their own, over this one.
     */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("", Set.of()),
            Map.entry("table", Set.of("")),
            Map.entry("diff", Set.of("", "table")),
            Map.entry("internal.io", Set.of()),
            Map.entry("internal.zip", Set.of("", "internal.io")),
            Map.entry("internal.output", Set.of("", "internal.io")),
            Map.entry("internal.classfile", Set.of("", "table", "internal.zip")),
            Map.entry("internal.input", Set.of("", "internal.zip", "internal.classfile")),
            Map.entry("internal.declarations",
                    Set.of("", "table", "internal.zip", "internal.classfile", "internal.input")),
            Map.entry("internal.cache",
                    Set.of("", "table", "internal.io", "internal.output", "internal.input", "internal.declarations")),
            Map.entry("scan", withInternal("", "table")),
            Map.entry("link", withInternal("", "table", "scan")),
            Map.entry("explain", withInternal("", "table", "scan", "link")),
            Map.entry("check", withInternal("", "table", "scan", "diff")));

    /** A project type named in a class file: a class constant, or a descriptor or signature naming it. */
    private static final Pattern PROJECT_TYPE = Pattern.compile(PROJECT + "(?:/[\\w$]+)+");

    private static final byte UTF8 = 1;
    private static final byte LONG = 5;
    private static final byte DOUBLE = 6;
    private static final byte STRING = 8;

    /** Top-level class → the top-level project classes it names, both as internal names. */
    private static Map<String, Set<String>> edges;

    @BeforeAll
    static void readClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(Scanner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        edges = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                ClassReader reader = new ClassReader(Files.readAllBytes(file));
                String from = topLevel(reader.getClassName());
                Set<String> to = edges.computeIfAbsent(from, k -> new TreeSet<>());
                for (String name : namedTypes(reader)) {
                    if (!topLevel(name).equals(from)) {
                        to.add(topLevel(name));
                    }
                }
            }
        }
        assertTrue(edges.size() > 50, "read the compiled classes in " + classes);
    }

    @Test
    void everyPackageIsInTheTable() {
        Set<String> unknown = new TreeSet<>();
        edges.keySet().forEach(c -> {
            if (!ALLOWED.containsKey(packageOf(c))) {
                unknown.add(packageOf(c));
            }
        });
        assertEquals(Set.of(), unknown, "packages missing from ArchitectureTest.ALLOWED");
    }

    /** The package map of docs/design.md is this table: each package, and what it may use. */
    @Test
    void theDesignDocumentsPackageMapIsTheTable() throws IOException {
        Map<String, Set<String>> documented = new TreeMap<>();
        boolean inMap = false;
        for (String line : Files.readAllLines(Path.of("..", "docs", "design.md"))) {
            if (line.startsWith("#")) {
                inMap = line.equals("### The core's packages");
            } else if (inMap && (line.startsWith("| `") || line.startsWith("| (root)"))) {
                String[] cells = line.split("\\|");
                String name = cells[1].trim().replace("`", "");
                Set<String> uses = new TreeSet<>();
                for (String used : cells[4].split(",")) {
                    String trimmed = used.trim();
                    if (trimmed.equals("internal.*")) {
                        uses.addAll(INTERNAL);
                    } else if (!trimmed.equals("nothing")) {
                        uses.add(trimmed.equals("root") ? "" : trimmed);
                    }
                }
                documented.put(name.equals("(root)") ? "" : name, uses);
            }
        }
        Map<String, Set<String>> table = new TreeMap<>();
        ALLOWED.forEach((name, uses) -> table.put(name, new TreeSet<>(uses)));
        assertEquals(table, documented, "docs/design.md's package map against ArchitectureTest.ALLOWED");
    }

    @Test
    void dependenciesFollowTheTable() {
        List<String> offending = new ArrayList<>();
        edges.forEach((from, targets) -> {
            Set<String> allowed = ALLOWED.getOrDefault(packageOf(from), Set.of());
            for (String to : targets) {
                String target = packageOf(to);
                if (!target.equals(packageOf(from)) && !allowed.contains(target)) {
                    offending.add(dotted(from) + " -> " + dotted(to));
                }
            }
        });
        assertEquals(List.of(), offending, "dependencies against ArchitectureTest.ALLOWED");
    }

    @Test
    void noCyclesBetweenPackages() {
        Map<String, Set<String>> packages = new TreeMap<>();
        edges.forEach((from, targets) -> targets.forEach(to -> {
            if (!packageOf(from).equals(packageOf(to))) {
                packages.computeIfAbsent(packageOf(from), k -> new TreeSet<>()).add(packageOf(to));
            }
        }));
        List<String> cycle = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String start : packages.keySet()) {
            if (cycle.isEmpty()) {
                findCycle(start, packages, new ArrayList<>(), done, cycle);
            }
        }
        List<String> offending = new ArrayList<>();
        for (int i = 0; i + 1 < cycle.size(); i++) {
            String from = cycle.get(i);
            String to = cycle.get(i + 1);
            edges.forEach((c, targets) -> targets.stream()
                    .filter(t -> packageOf(c).equals(from) && packageOf(t).equals(to))
                    .forEach(t -> offending.add(dotted(c) + " -> " + dotted(t))));
        }
        assertEquals(List.of(), offending, "a cycle between packages " + cycle);
    }

    /** Depth-first search; leaves the packages of the first cycle found, first one repeated at the end, in cycle. */
    private static boolean findCycle(String pkg, Map<String, Set<String>> graph, List<String> path, Set<String> done,
            List<String> cycle) {
        int at = path.indexOf(pkg);
        if (at >= 0) {
            cycle.addAll(path.subList(at, path.size()));
            cycle.add(pkg);
            return true;
        }
        if (!done.add(pkg)) {
            return false;
        }
        path.add(pkg);
        for (String next : graph.getOrDefault(pkg, Set.of())) {
            if (findCycle(next, graph, path, done, cycle)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        return false;
    }

    /**
     * The project types a class names: every UTF8 constant that is not only a string literal's text is a name, a
     * descriptor or a signature, and this finds each project type it contains.
     */
    private static Set<String> namedTypes(ClassReader reader) {
        Set<Integer> literals = new HashSet<>();
        List<Integer> utf8s = new ArrayList<>();
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            byte tag = reader.b[offset - 1];
            if (tag == STRING) {
                literals.add(reader.readUnsignedShort(offset));
            } else if (tag == UTF8) {
                utf8s.add(i);
            } else if (tag == LONG || tag == DOUBLE) {
                i++;
            }
        }
        Set<String> names = new TreeSet<>();
        for (int i : utf8s) {
            if (!literals.contains(i)) {
                int offset = reader.getItem(i);
                String text = new String(reader.b, offset + 2, reader.readUnsignedShort(offset), StandardCharsets.UTF_8);
                Matcher m = PROJECT_TYPE.matcher(text);
                while (m.find()) {
                    names.add(m.group());
                }
            }
        }
        return names;
    }

    private static Set<String> withInternal(String... packages) {
        Set<String> all = new HashSet<>(List.of(packages));
        all.addAll(INTERNAL);
        return Set.copyOf(all);
    }

    private static String topLevel(String internalName) {
        int dollar = internalName.indexOf('$');
        return dollar < 0 ? internalName : internalName.substring(0, dollar);
    }

    /** The package relative to the project's root package: "" for the root, e.g. "internal.zip" otherwise. */
    private static String packageOf(String internalName) {
        String pkg = internalName.substring(0, internalName.lastIndexOf('/'));
        return pkg.equals(PROJECT) ? "" : pkg.substring(PROJECT.length() + 1).replace('/', '.');
    }

    private static String dotted(String internalName) {
        return internalName.replace('/', '.');
    }
}
