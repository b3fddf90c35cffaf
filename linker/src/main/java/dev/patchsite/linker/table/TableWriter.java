package dev.patchsite.linker.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes a {@link PatchSiteTable} in the line-oriented text format (documented in {@code docs/table-format.md}):
 * a version line, then one line per function, variant and site, in the table's canonical order, with {@code \n}
 * line ends whatever the platform, so equal tables give equal bytes.
 */
public final class TableWriter {

    /** The first token of the version line. */
    static final String MAGIC = "patchsite-table";

    private TableWriter() {
    }

    /**
     * Returns the table as text.
     *
     * @param table the table
     * @return the text, ending with a line end
     */
    public static String toText(PatchSiteTable table) {
        // Sized for lines of about 220 characters, the average of a big program's sites: growing a builder of a
        // megabyte copies it, and in a fresh JVM touches new memory each time.
        StringBuilder out = new StringBuilder(256 + 224 * table.sites().size());
        out.append(MAGIC).append(' ').append(PatchSiteTable.FORMAT_VERSION).append('\n');
        if (table.linkedMode() != null) {
            out.append("linked ").append(table.linkedDescription()).append('\n');
        }
        Map<String, Function> byId = new HashMap<>();
        for (Function function : table.functions()) {
            byId.put(function.id(), function);
            out.append(functionLine(function)).append('\n');
        }
        for (Variant variant : table.variants()) {
            out.append(variantLine(variant, byId)).append('\n');
        }
        for (Site site : table.sites()) {
            appendSiteLine(out, site).append('\n');
        }
        return out.toString();
    }

    /**
     * Writes the table as text.
     *
     * @param table the table
     * @param out where to write; not closed
     * @throws UncheckedIOException if writing fails
     */
    public static void write(PatchSiteTable table, Writer out) {
        try {
            out.write(toText(table));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the line of a function, e.g.
     * {@code function com.example.Trace.hit(I)V updatable}.
     *
     * @param function the function
     * @return the line, without line end
     */
    public static String functionLine(Function function) {
        StringBuilder line = new StringBuilder("function ").append(Tokens.id(function.id()));
        // The method is implied by the id only when the id token parses back to it.
        if (!Tokens.id(function.id()).equals(Tokens.method(function.method()))) {
            line.append(" method=").append(Tokens.method(function.method()));
        }
        if (function.updatable()) {
            line.append(" updatable");
        }
        if (function.declared()) {
            line.append(" declared");
        }
        return line.toString();
    }

    /**
     * Returns the line of a variant, e.g.
     * {@code variant com.example.SpinLock numa com.example.NumaSpinLock priority=10 when=com.example.NumaProbe
     * implements=slowpath(Lcom/example/QLock;I)V}.
     *
     * @param variant the variant
     * @param functions the table's functions by id, to name implemented functions by name and descriptor; a function
     *     missing from it is written by id
     * @return the line, without line end
     */
    public static String variantLine(Variant variant, Map<String, Function> functions) {
        StringBuilder line = new StringBuilder("variant ")
                .append(Tokens.name(binary(variant.group()))).append(' ')
                .append(Tokens.name(variant.name())).append(' ')
                .append(Tokens.name(binary(variant.className())))
                .append(" priority=").append(variant.priority());
        if (variant.when() != null) {
            line.append(" when=").append(Tokens.name(binary(variant.when())));
        }
        StringJoiner implemented = new StringJoiner(",", " implements=", "").setEmptyValue(" implements=");
        for (String id : variant.implemented()) {
            Function function = functions.get(id);
            implemented.add(function == null ? Tokens.id(id)
                    : Tokens.name(function.method().name()) + Tokens.descriptor(function.method().descriptor()));
        }
        return line.append(implemented).toString();
    }

    /**
     * Returns the line of a site, e.g.
     * {@code site com.example.SpinLock.slowpath(Lcom/example/QLock;I)V com.example.App.run()V #0 invoke line=12
     * offset=7}, or with {@code via=com.example.FastLock} before {@code line=} for a call through a subclass, and
     * {@code source=Main.kt} for a caller class whose source file has no conventional name. A site without a
     * position (read from a baseline) has no {@code line=} and {@code offset=}.
     *
     * @param site the site
     * @return the line, without line end
     */
    public static String siteLine(Site site) {
        return appendSiteLine(new StringBuilder(256), site).toString();
    }

    private static StringBuilder appendSiteLine(StringBuilder line, Site site) {
        line.append("site ").append(Tokens.id(site.functionId())).append(' ')
                .append(Tokens.method(site.caller())).append(" #").append(site.ordinal()).append(' ')
                .append(site.kind().label());
        if (site.release() != 0) {
            line.append(" release=").append(site.release());
        }
        if (site.superCall()) {
            line.append(" super");
        }
        if (site.via() != null) {
            line.append(" via=").append(Tokens.name(binary(site.via())));
        }
        if (site.in() != null) {
            line.append(" in=").append(Tokens.id(site.in()));
        }
        if (site.sourceFile() != null) {
            line.append(" source=").append(Tokens.name(site.sourceFile()));
        }
        if (site.hasPosition()) {
            line.append(" line=").append(site.line()).append(" offset=").append(site.offset());
        }
        if (site.binding() != null) {
            line.append(" bind=").append(site.binding().label());
        }
        return line;
    }

    static String binary(String internalName) {
        return internalName.replace('/', '.');
    }
}
