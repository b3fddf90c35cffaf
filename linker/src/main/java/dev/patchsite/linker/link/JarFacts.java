package dev.patchsite.linker.link;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.TableSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What linking must know of an input before scanning it: whether it is signed, and whether it was linked already.
 * Read with the JDK's zip reader, which reads the central directory alone and at once.
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
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> signatures = new ArrayList<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (isSignature(entry.getName())) {
                    signatures.add(entry.getName());
                }
            }
            return new JarFacts(signatures, linked(zip));
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new InputException(jar + ": no such file or directory");
        } catch (IOException e) {
            throw new InputException(jar + ": not a readable jar (truncated, or not a zip file)", e);
        }
    }

    private static String linked(ZipFile zip) throws IOException {
        ZipEntry table = zip.getEntry(TableSource.EMBEDDED_TABLE);
        if (table == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(table)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("linked ")) {
                    return line.substring("linked ".length()).trim();
                }
            }
        }
        return "unknown";
    }

    /** Returns whether an entry is a signature file: {@code META-INF/*.SF}, {@code .DSA}, {@code .RSA}... */
    static boolean isSignature(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.startsWith("META-INF/") && upper.indexOf('/', 9) < 0 && (upper.endsWith(".SF")
                || upper.endsWith(".DSA") || upper.endsWith(".RSA") || upper.endsWith(".EC")
                || upper.startsWith("META-INF/SIG-"));
    }
}
