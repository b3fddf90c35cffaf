package dev.patchsite.linker.explain;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.ValidationException;
import dev.patchsite.linker.link.GroupDescriptions;
import dev.patchsite.linker.scan.Scanner;
import dev.patchsite.runtime.GroupInfo;
import dev.patchsite.runtime.Selection;
import dev.patchsite.runtime.Selector;
import dev.patchsite.linker.scan.Jars;
import dev.patchsite.linker.zip.ZipArchive;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tells, for each group of a program, which variant this machine would get and why: the override in force, each
 * probe evaluated (in this JVM, with the program's classes, as the runtime would at boot), the priorities. Works on a
 * linked jar (from the group descriptions it carries) and on an unlinked one (from a scan).
 */
public final class Explainer {

    private Explainer() {
    }

    /**
     * Explains the selection of every group of a program.
     *
     * @param jar the program's jar, linked or not
     * @param settings the classpath (the request's inputs after the jar), declaration file, threads and log
     * @param overrides selections to apply as {@code -Dpatchsite.select.<group>} would, by group binary name; this
     *     JVM's own {@code patchsite.select.*} properties apply to the groups not named
     * @return the explanation, one group after another
     * @throws PatchsiteException if the jar cannot be read, its declarations are invalid, or an override names an
     *     unknown variant
     */
    public static String explain(Path jar, ScanRequest settings, Map<String, String> overrides)
            throws PatchsiteException {
        Map<String, GroupInfo> groups = linkedGroups(jar);
        if (groups.isEmpty()) {
            groups = GroupDescriptions.of(Scanner.scan(settings));
        }
        StringBuilder out = new StringBuilder();
        List<String> problems = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(urls(settings.inputs()),
                ClassLoader.getPlatformClassLoader())) {
            for (GroupInfo group : groups.values()) {
                explain(group, loader, overrides, out, problems);
            }
        } catch (IOException e) {
            throw new InputException("cannot close the program's class loader: " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("in the selections", problems);
        }
        return out.toString();
    }

    private static void explain(GroupInfo group, ClassLoader loader, Map<String, String> overrides,
            StringBuilder out, List<String> problems) {
        String property = Selector.PROPERTY_PREFIX + group.name();
        String override = overrides.containsKey(group.name()) ? overrides.get(group.name())
                : System.getProperty(property);
        out.append("group ").append(group.name()).append('\n');
        List<String> functions = new ArrayList<>();
        group.functions().forEach(f -> functions.add(f.name() + f.descriptor() + (f.updatable() ? " (updatable)" : "")));
        out.append("  functions: ").append(String.join(", ", functions)).append('\n');
        List<GroupInfo.VariantInfo> variants = new ArrayList<>(group.variants());
        variants.sort((a, b) -> a.priority() != b.priority() ? Integer.compare(b.priority(), a.priority())
                : a.name().compareTo(b.name()));
        List<String> described = new ArrayList<>();
        for (GroupInfo.VariantInfo variant : variants) {
            described.add(variant.name() + " (priority " + variant.priority() + ", "
                    + (variant.when() == null ? "only when selected" : "when " + variant.when()) + ")");
        }
        out.append("  variants: ").append(described.isEmpty() ? "none" : String.join(", ", described)).append('\n');
        out.append("  override: ").append(override == null ? "none (-D" + property + " is not set)"
                : "-D" + property + "=" + override).append('\n');
        try {
            Selection selection = Selector.select(group, loader, null, override);
            for (String probe : selection.probes()) {
                out.append("  probe ").append(probe).append('\n');
            }
            out.append("  selected: ").append(selection.variant()).append(" (").append(selection.reason())
                    .append(")\n");
        } catch (IllegalArgumentException e) {
            out.append("  selected: none: ").append(e.getMessage()).append('\n');
            problems.add(e.getMessage());
        }
    }

    /** Returns the group descriptions a linked jar carries, by group name; empty if it carries none. */
    private static Map<String, GroupInfo> linkedGroups(Path jar) throws InputException {
        Map<String, GroupInfo> groups = new TreeMap<>();
        try (ZipArchive zip = Jars.open(jar)) {
            for (int entry = 0; entry < zip.size(); entry++) {
                String name = zip.name(entry);
                if (name.startsWith(GroupInfo.DIRECTORY) && name.endsWith(".group")) {
                    String group = name.substring(GroupInfo.DIRECTORY.length(), name.length() - ".group".length());
                    try (InputStream in = zip.open(entry)) {
                        groups.put(group, GroupInfo.parse(group, in));
                    }
                }
            }
        } catch (IOException | IllegalStateException e) {
            throw new InputException(jar + ": not a readable jar: " + e.getMessage(), e);
        }
        return groups;
    }

    private static URL[] urls(List<Path> paths) throws InputException {
        List<URL> urls = new ArrayList<>();
        for (Path path : paths) {
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new InputException(path + ": not a valid path: " + e.getMessage(), e);
            }
        }
        return urls.toArray(new URL[0]);
    }

}
