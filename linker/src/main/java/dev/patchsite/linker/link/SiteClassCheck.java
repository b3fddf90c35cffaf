package dev.patchsite.linker.link;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.internal.input.ClassPaths;
import dev.patchsite.linker.internal.input.Jars;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.TableWriter;
import dev.patchsite.linker.internal.zip.ZipArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks that the class of every bound site of a table exists: in the jar, or in one of the jars and directories it
 * is verified with (the other jars of its link, its class path). A bound site in a class nowhere is a tampered or
 * stale table, which the bytecode check alone would skip as another jar's.
 */
final class SiteClassCheck {

    private SiteClassCheck() {
    }

    /**
     * Returns the bound sites whose class is nowhere, one line each, naming the jar.
     *
     * @param jar the jar's path, for messages
     * @param table the jar's embedded table
     * @param classes the classes of the jar, as {@code release/internal name}
     * @param others the jars and directories it is verified with; one that cannot be read holds nothing
     * @return the problems, empty if none
     */
    static List<String> problems(Path jar, PatchSiteTable table, Set<String> classes, List<Path> others) {
        // By class file path, so each other input is opened once whatever the number of sites.
        TreeMap<String, List<Site>> elsewhere = new TreeMap<>();
        for (Site site : table.sites()) {
            if (site.binding() != null && !classes.contains(site.release() + "/" + site.caller().owner())) {
                elsewhere.computeIfAbsent(ClassPaths.path(site.caller().owner(), site.release()),
                        path -> new ArrayList<>()).add(site);
            }
        }
        for (Path other : others) {
            if (elsewhere.isEmpty()) {
                break;
            }
            removeHeld(other, elsewhere.keySet());
        }
        List<String> problems = new ArrayList<>();
        elsewhere.forEach((path, sites) -> sites.forEach(site -> problems.add(jar + ": "
                + TableWriter.siteLine(site).substring("site ".length()) + ": no class " + path
                + " in the jar or the jars it is verified with")));
        return problems;
    }

    /** Removes the paths an input holds. */
    private static void removeHeld(Path input, Set<String> paths) {
        if (Files.isDirectory(input)) {
            paths.removeIf(path -> Files.isRegularFile(input.resolve(path)));
            return;
        }
        try (ZipArchive zip = Jars.open(input)) {
            paths.removeIf(path -> zip.find(path) >= 0);
        } catch (IOException | InputException e) {
            // An unreadable input holds nothing; the scan reports it.
        }
    }
}
