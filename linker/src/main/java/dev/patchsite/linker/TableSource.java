package dev.patchsite.linker;

import dev.patchsite.linker.scan.Scanner;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.TableReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
     * Loads a table.
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
        if (!isZip(input)) {
            return TableReader.read(input);
        }
        PatchSiteTable embedded = embeddedTable(input);
        return embedded != null ? unlinked(embedded) : scan(input, settings);
    }

    /**
     * Loads the table of a program given as a classpath: the table its first entry carries if that is a linked jar
     * (without its bindings), else the table of all the entries scanned together.
     *
     * @param program the program's jar first, then its classpath
     * @param settings the declaration file, threads and log to scan with; its inputs are ignored
     * @return the table
     * @throws PatchsiteException if an entry cannot be read, or scanning finds invalid declarations
     */
    public static PatchSiteTable program(List<Path> program, ScanRequest settings) throws PatchsiteException {
        Path first = program.get(0);
        if (!Files.isDirectory(first) && isZip(first)) {
            PatchSiteTable embedded = embeddedTable(first);
            if (embedded != null) {
                return unlinked(embedded);
            }
        }
        return Scanner.scan(new ScanRequest(program, settings.declarations(), settings.threads(), settings.log()));
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
            return isZip(jar) && embeddedTable(jar) != null;
        } catch (InputException e) {
            return false;
        }
    }

    private static PatchSiteTable scan(Path input, ScanRequest settings) throws PatchsiteException {
        return Scanner.scan(new ScanRequest(List.of(input), settings.declarations(), settings.threads(),
                settings.log()));
    }

    /** Returns the table a linked jar carries, or null if the jar was not linked. */
    private static PatchSiteTable embeddedTable(Path jar) throws InputException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            java.util.zip.ZipEntry entry = zip.getEntry(EMBEDDED_TABLE);
            if (entry == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return TableReader.read(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8),
                        jar + "!/" + EMBEDDED_TABLE);
            }
        } catch (IOException e) {
            // Not readable as a zip here: scanning reports the jar's defect with the scanner's own message.
            return null;
        }
    }

    private static boolean isZip(Path file) throws InputException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(file + ": no such file or directory");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + IoReasons.of(e), e);
        }
    }
}
