package dev.patchsite.linker.link;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.IoReasons;
import dev.patchsite.linker.scan.TableSource;
import dev.patchsite.linker.internal.input.Jars;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.TableReader;
import dev.patchsite.linker.internal.zip.ZipArchive;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What linking must know of an input before scanning it: whether it is signed, and whether it was linked already.
 * Only the central directory and, for a linked jar, its table are read.
 *
 * @param signatureFiles the signature files of a signed jar, empty if it is not signed
 * @param linkedDescription how the jar was linked (its table's {@code linked} line without the keyword), or null
 */
record JarFacts(List<String> signatureFiles, String linkedDescription) {

    /** Reads the facts of a jar. */
    static JarFacts of(Path jar) throws InputException {
        if (Files.isDirectory(jar)) {
            throw new InputException(jar + ": a directory; link rewrites jars (a directory of classes can supply"
                    + " declarations, variants and sites with --classpath)");
        }
        try (ZipArchive zip = Jars.open(jar)) {
            List<String> signatures = new ArrayList<>();
            // Signature files are directly under META-INF/: only those names are made strings.
            byte[] metaInf = "META-INF/".getBytes(StandardCharsets.UTF_8);
            for (int entry = 0; entry < zip.size(); entry++) {
                if (zip.nameStartsWith(entry, metaInf) && isSignature(zip.name(entry))) {
                    signatures.add(zip.name(entry));
                }
            }
            return new JarFacts(signatures, linked(jar, zip));
        } catch (IOException e) {
            throw new InputException(jar + ": cannot read: " + IoReasons.of(e), e);
        }
    }

    /**
     * Returns the {@code linked} line of a jar's embedded table, or null if it has none. The table is read whole, as
     * {@code verify} reads it: a truncated or tampered one (a line cut short, a site listed twice, no {@code linked}
     * line) is bad input naming the table's line, never taken for a jar linked in some mode.
     */
    private static String linked(Path jar, ZipArchive zip) throws InputException {
        int table = zip.find(TableSource.EMBEDDED_TABLE);
        if (table < 0) {
            return null;
        }
        String source = jar + "!/" + TableSource.EMBEDDED_TABLE;
        PatchSiteTable embedded;
        try (InputStream in = zip.open(table)) {
            embedded = TableReader.read(new InputStreamReader(in, StandardCharsets.UTF_8), source);
        } catch (IOException e) {
            throw new InputException(source + ": corrupt entry: " + e.getMessage(), e);
        }
        if (embedded.linkedMode() == null) {
            throw new InputException(source + ": the table has no \"linked\" line; it was not written by link");
        }
        return embedded.linkedDescription();
    }

    /** Returns whether an entry is a signature file: {@code META-INF/*.SF}, {@code .DSA}, {@code .RSA}... */
    static boolean isSignature(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.startsWith("META-INF/") && upper.indexOf('/', 9) < 0 && (upper.endsWith(".SF")
                || upper.endsWith(".DSA") || upper.endsWith(".RSA") || upper.endsWith(".EC")
                || upper.startsWith("META-INF/SIG-"));
    }
}
