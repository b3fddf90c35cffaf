package dev.patchsite.linker.scan;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.IoReasons;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.ScanSettings;
import dev.patchsite.linker.internal.input.Jars;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.TableReader;
import dev.patchsite.linker.table.Variant;
import dev.patchsite.linker.internal.zip.ZipArchive;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Loads a patch-site table from whatever a user points at: a table file is read; a linked jar gives the table it
 * carries, without its bindings, which is the table of the program it was linked from; another jar or a directory
 * of classes is scanned. What {@code diff} and the Maven plugin's {@code check} goal both need.
 */
public final class TableSource {

    /** Where a linked jar carries its table. */
    public static final String EMBEDDED_TABLE = "META-INF/patchsite/table";

    private TableSource() {
    }

    /**
     * Loads a table. A regular file is a jar if it is a zip file by its end record (so a jar with a launcher script
     * before it, or an empty zip file, is one) and a table otherwise; anything else that is not a directory (a
     * pipe, say) is read once, as a table, so that no byte of it is lost to guessing what it is.
     *
     * @param input a table file, a jar (any zip file) or a directory of classes
     * @param settings the declaration file, threads and log to scan with; its inputs are ignored
     * @return the table
     * @throws PatchsiteException if the input cannot be read, or scanning finds invalid declarations
     */
    public static PatchSiteTable load(Path input, ScanRequest settings) throws PatchsiteException {
        if (Files.isDirectory(input)) {
            return scan(input, settings);
        }
        if (!Files.isRegularFile(input)) {
            return TableReader.read(input);
        }
        PatchSiteTable embedded;
        try (ZipArchive zip = Jars.openIfZip(input)) {
            if (zip == null) {
                return TableReader.read(input);
            }
            embedded = embeddedTable(input, zip);
        } catch (IOException e) {
            throw new InputException(input + ": cannot read: " + e.getMessage(), e);
        }
        return embedded != null ? unlinked(embedded) : scan(input, settings);
    }

    /**
     * Loads the table of a program as its files are now: the entries scanned together. When the first jar was
     * linked and its table lists the same functions, variants and sites, that table is returned (without its
     * bindings), so that the positions are those of the unlinked program; a jar linked against other inputs than it
     * has now (a dependency changed since, and an incremental build kept the jar as linked) gives the scanned table
     * and a warning, never the stale one. A jar linked in static mode gives its table: its direct calls of variants
     * cannot be scanned back into sites.
     *
     * @param program the program; the table its first jar carries, if any, is the program's
     * @param settings the threads and log to scan with
     * @return the table
     * @throws PatchsiteException if an entry cannot be read, or scanning finds invalid declarations
     */
    public static PatchSiteTable program(ProgramFiles program, ScanSettings settings) throws PatchsiteException {
        Path jar = program.jars().get(0);
        PatchSiteTable embedded = embeddedTable(jar);
        if (embedded != null && embedded.linkedMode() == LinkMode.STATIC) {
            return unlinked(embedded);
        }
        PatchSiteTable scanned = Scanner.scan(ScanRequest.of(program, settings));
        if (embedded == null) {
            return scanned;
        }
        if (sameIdentities(embedded, scanned)) {
            return unlinked(embedded);
        }
        settings.log().warn(jar + " was linked against other inputs than it has now: its table differs from the"
                + " program's as scanned now, which is used instead; link it again (rebuild it) to bind the sites"
                + " as they are");
        return scanned;
    }

    /** Whether two tables list the same functions, variants and sites, positions and bindings aside. */
    private static boolean sameIdentities(PatchSiteTable a, PatchSiteTable b) {
        return ids(a.functions(), f -> f.id()).equals(ids(b.functions(), f -> f.id()))
                && ids(a.variants(), TableSource::variantKey).equals(ids(b.variants(), TableSource::variantKey))
                && ids(a.sites(), Site::key).equals(ids(b.sites(), Site::key));
    }

    private static String variantKey(Variant variant) {
        return variant.group() + " " + variant.name();
    }

    private static <T, K> Set<K> ids(List<T> records, Function<T, K> id) {
        Set<K> ids = new HashSet<>();
        records.forEach(r -> ids.add(id.apply(r)));
        return ids;
    }

    /**
     * Returns a linked table as the table of the program it was linked from: without bindings or mode.
     *
     * @param table a table
     * @return the table without its link information
     */
    public static PatchSiteTable unlinked(PatchSiteTable table) {
        List<Site> sites = table.sites().stream().map(site -> site.bound(null)).toList();
        return new PatchSiteTable(table.functions(), table.variants(), sites);
    }

    /**
     * Returns whether a jar was linked: it carries a table.
     *
     * @param jar a jar
     * @return true if the jar carries a table; false if not, or if it cannot be read as a zip file
     */
    public static boolean isLinked(Path jar) {
        try {
            return embeddedTable(jar) != null;
        } catch (InputException e) {
            return false;
        }
    }

    private static PatchSiteTable scan(Path input, ScanRequest settings) throws PatchsiteException {
        return Scanner.scan(ScanRequest.of(List.of(input), settings.declarations(), settings.settings()));
    }

    /**
     * Returns the table a linked jar carries, with its mode and bindings.
     *
     * @param file a file
     * @return the table; null if the file is not a zip file, or not linked
     * @throws InputException if the file or its table cannot be read
     */
    public static PatchSiteTable linkedTable(Path file) throws InputException {
        return embeddedTable(file);
    }

    /** Returns the table a file carries if it is a linked jar; null if it is not a zip file, or not linked. */
    private static PatchSiteTable embeddedTable(Path file) throws InputException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (ZipArchive zip = Jars.openIfZip(file)) {
            return zip == null ? null : embeddedTable(file, zip);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + IoReasons.of(e), e);
        }
    }

    /**
     * Returns the table an open linked jar carries, with its mode and bindings. The table is read whole: a truncated
     * or tampered one (a line cut short, a site listed twice, no {@code linked} line) is bad input naming the
     * table's line, never taken for a jar linked in some mode.
     *
     * @param jar the jar's path, for messages
     * @param zip the jar, open
     * @return the table; null if the jar was not linked (it has no table)
     * @throws InputException if the table cannot be read, or has no {@code linked} line
     */
    public static PatchSiteTable linkedTable(Path jar, ZipArchive zip) throws InputException {
        PatchSiteTable table = embeddedTable(jar, zip);
        if (table != null && table.linkedMode() == null) {
            throw new InputException(jar + "!/" + EMBEDDED_TABLE + ": the table has no \"linked\" line; it was not"
                    + " written by link");
        }
        return table;
    }

    /**
     * Returns the table a linked jar carries, or null if the jar was not linked. Read with the project's own zip
     * reader, which bounds the entry to its declared size and checks its CRC-32, and decoded as strict UTF-8.
     */
    private static PatchSiteTable embeddedTable(Path jar, ZipArchive zip) throws InputException {
        int entry = zip.find(EMBEDDED_TABLE);
        if (entry < 0 || zip.isDirectory(entry)) {
            return null;
        }
        String name = jar + "!/" + EMBEDDED_TABLE;
        try (InputStream in = zip.open(entry)) {
            return TableReader.read(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()), name);
        } catch (CharacterCodingException e) {
            throw new InputException(name + ": not a patch-site table (not UTF-8 text)");
        } catch (IOException e) {
            throw new InputException(name + ": corrupt entry: " + e.getMessage(), e);
        }
    }
}
