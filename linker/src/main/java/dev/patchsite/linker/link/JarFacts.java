package dev.patchsite.linker.link;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.IoReasons;
import dev.patchsite.linker.LinkException;
import dev.patchsite.linker.Vocabulary;
import dev.patchsite.linker.Vocabulary.Setting;
import dev.patchsite.linker.scan.TableSource;
import dev.patchsite.linker.internal.input.Jars;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.internal.zip.ZipArchive;
import java.io.IOException;
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

    /**
     * Reads the facts of a jar.
     *
     * @param jar the jar
     * @param words the front-end's words, for the refusal of a directory
     * @throws InputException if the jar is a directory or cannot be read
     */
    static JarFacts of(Path jar, Vocabulary words) throws InputException {
        if (Files.isDirectory(jar)) {
            throw new InputException(jar + ": a directory; link rewrites jars (a directory of classes can supply"
                    + " declarations, variants and sites with " + words.name(Setting.CLASSPATH) + ")");
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
            PatchSiteTable linked = TableSource.linkedTable(jar, zip);
            return new JarFacts(signatures, linked == null ? null : linked.linkedDescription());
        } catch (IOException e) {
            throw new InputException(jar + ": cannot read: " + IoReasons.of(e), e);
        }
    }

    /**
     * Returns the refusal to link a signed jar whose signatures are kept: the changed classes would no longer verify.
     *
     * @param jar the jar's name, e.g. {@code app.jar!/BOOT-INF/lib/x.jar}
     * @param signatureFile one of its signature files
     * @param words the front-end's words, in which the refusal says how to drop the signatures
     */
    static LinkException signed(String jar, String signatureFile, Vocabulary words) {
        return new LinkException(jar + " is signed (" + signatureFile + "); linking changes its classes, so its"
                + " signature would no longer verify. Pass " + words.setting(Setting.STRIP_SIGNATURES, "true")
                + " to drop the signatures, and sign the linked jar again if it must be signed");
    }

    /** Returns whether an entry is a signature file: {@code META-INF/*.SF}, {@code .DSA}, {@code .RSA}... */
    static boolean isSignature(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.startsWith("META-INF/") && upper.indexOf('/', 9) < 0 && (upper.endsWith(".SF")
                || upper.endsWith(".DSA") || upper.endsWith(".RSA") || upper.endsWith(".EC")
                || upper.startsWith("META-INF/SIG-"));
    }
}
