package dev.patchsite.linker.link;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.scan.TableSource;
import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.internal.input.ClassPaths;
import dev.patchsite.linker.internal.input.Jars;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.internal.zip.ZipArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the sites a link can bind nowhere: sites in classes of class path entries that were never linked, calling
 * functions whose group class is not linked either. Such a site calls the function's own body, the default, whatever
 * is selected; the link says so, naming the entry to link too (a library as published, whose own calls of its
 * functions the application's link cannot rewrite).
 */
final class UnboundSites {

    private UnboundSites() {
    }

    /**
     * Warns, per class path entry, of the sites that will run the default whatever is selected.
     *
     * @param program the program being linked
     * @param inputs the jars this link rewrites
     * @param classpath the entries the link only reads, in order
     * @param log where to warn
     */
    static void warn(Program program, List<JarLinker> inputs, List<Path> classpath, PatchsiteLog log)
            throws InputException {
        Map<Path, Integer> unbound = new LinkedHashMap<>();
        Map<Path, Boolean> linked = new LinkedHashMap<>();
        Map<Path, ZipArchive> open = new LinkedHashMap<>();
        try {
            count(program, inputs, classpath, unbound, linked, open);
        } finally {
            for (ZipArchive zip : open.values()) {
                try {
                    zip.close();
                } catch (IOException e) {
                    // Only read from: closing it loses nothing.
                }
            }
        }
        unbound.forEach((path, count) -> log.warn(path + ": " + count + (count == 1 ? " site" : " sites") + " of the"
                + " program in classes this link only reads, of functions whose group is linked nowhere, call the"
                + " functions' own bodies whatever is selected; link " + path.getFileName() + " too"));
    }

    private static void count(Program program, List<JarLinker> inputs, List<Path> classpath,
            Map<Path, Integer> unbound, Map<Path, Boolean> linked, Map<Path, ZipArchive> open) throws InputException {
        for (Site site : program.table().sites()) {
            Function function = program.function(site.functionId());
            String entry = ClassPaths.path(site.caller().owner(), site.release());
            if (site.superCall() || program.rewritten(function.group())
                    || !program.defaultAsRead(function).equals(function.method())
                    || inputs.stream().anyMatch(jar -> jar.holdsClass(entry))) {
                continue;
            }
            for (Path path : classpath) {
                if (holds(path, entry, open)) {
                    if (!linked.computeIfAbsent(path, UnboundSites::linked)) {
                        unbound.merge(path, 1, Integer::sum);
                    }
                    break;
                }
            }
        }
    }

    private static boolean holds(Path path, String entry, Map<Path, ZipArchive> open) throws InputException {
        if (Files.isDirectory(path)) {
            return Files.isRegularFile(path.resolve(entry));
        }
        ZipArchive zip = open.get(path);
        if (zip == null) {
            zip = Jars.open(path);
            open.put(path, zip);
        }
        return zip.find(entry) >= 0;
    }

    private static boolean linked(Path path) {
        return Files.isRegularFile(path) && TableSource.isLinked(path);
    }
}
