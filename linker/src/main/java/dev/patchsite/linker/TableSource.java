package dev.patchsite.linker;

import dev.patchsite.linker.scan.Scanner;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.TableReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a patch-site table from whatever a user points at: a table file is read, a jar or a directory of classes is
 * scanned. What {@code diff} and the Maven plugin's {@code check} goal both need.
 */
public final class TableSource {

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
        if (Files.isDirectory(input) || isZip(input)) {
            return Scanner.scan(new ScanRequest(List.of(input), settings.declarations(), settings.threads(),
                    settings.log()));
        }
        return TableReader.read(input);
    }

    private static boolean isZip(Path file) throws InputException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(file + ": no such file or directory");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
