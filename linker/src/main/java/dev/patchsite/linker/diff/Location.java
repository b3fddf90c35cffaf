package dev.patchsite.linker.diff;

import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.Variant;

/**
 * Where in the sources a difference is: the source file of the class that holds the record (a site's caller, a
 * function's group, a variant's class) and, for a site added or changed whose new table recorded it, the line. A
 * removed site gets its file only: its line is the old build's, which the sources as they are now need not have.
 *
 * @param file the file, as {@link SourceRoots#find} names it
 * @param line the line, or 0 if unknown
 */
record Location(String file, int line) {

    /** Returns where a difference is, or null if no source root holds its class's file. */
    static Location of(Difference difference, SourceRoots sources) {
        Object record = difference.value();
        if (record instanceof Function function) {
            return at(sources.find(function.group(), null), 0);
        }
        if (record instanceof Variant variant) {
            return at(sources.find(variant.className(), null), 0);
        }
        Site site = (Site) record;
        boolean now = difference.newValue() != null && site.hasPosition();
        return at(sources.find(site.caller().owner(), site.sourceFile()), now ? site.line() : 0);
    }

    private static Location at(String file, int line) {
        return file == null ? null : new Location(file, line);
    }
}
