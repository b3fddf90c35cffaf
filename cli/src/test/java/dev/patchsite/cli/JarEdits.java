package dev.patchsite.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Tampers with jars for tests: a copy with one entry edited, as someone might after linking. */
final class JarEdits {

    /** The sample program, unlinked. */
    static final Path SAMPLE = Path.of(System.getProperty("patchsite.testdata"), "sample.jar");
    /** The embedded table's entry. */
    static final String TABLE = "META-INF/patchsite/table";

    private JarEdits() {
    }

    /**
     * Links the sample program in boot mode.
     *
     * @param dir a directory of the test's own
     * @return the linked jar, {@code dir/boot.jar}
     */
    static Path linkedSample(Path dir) {
        Path linked = dir.resolve("boot.jar");
        Cli.run("link", SAMPLE, "-o", linked).assertClean(ExitCode.OK.code());
        return linked;
    }

    /**
     * Copies a jar, passing one entry through an edit; an entry the jar lacks is added, edited from no bytes.
     *
     * @param from the jar
     * @param to the copy
     * @param name the entry's name
     * @param edit the edit of the entry's bytes
     * @return {@code to}
     * @throws IOException if a jar cannot be read or written
     */
    static Path withEntry(Path from, Path to, String name, UnaryOperator<byte[]> edit) throws IOException {
        boolean found = false;
        try (ZipFile in = new ZipFile(from.toFile());
                OutputStream file = Files.newOutputStream(to);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream data = in.getInputStream(entry)) {
                    byte[] bytes = data.readAllBytes();
                    found |= entry.getName().equals(name);
                    out.write(entry.getName().equals(name) ? edit.apply(bytes) : bytes);
                }
                out.closeEntry();
            }
            if (!found) {
                out.putNextEntry(new ZipEntry(name));
                out.write(edit.apply(new byte[0]));
                out.closeEntry();
            }
        }
        return to;
    }

    /**
     * Copies a jar with an empty jar entry {@code lib/extra.jar} added: a jar inside a plain jar, which is warned of.
     *
     * @param from the jar
     * @param to the copy
     * @return {@code to}
     * @throws IOException if a jar cannot be read or written
     */
    static Path withJarInside(Path from, Path to) throws IOException {
        return withEntry(from, to, "lib/extra.jar", bytes -> bytes);
    }

    /**
     * Returns the warning of {@link #withJarInside}'s jar, as standard error shows it.
     *
     * @param jar the jar holding {@code lib/extra.jar}
     * @return the line
     */
    static String jarInsideWarning(Path jar) {
        return "warning: " + jar + "!/lib/extra.jar: a jar inside a jar that is not a Spring Boot or web archive is"
                + " on no class path the JVM knows of, so it is copied as it is, neither scanned nor linked; give it"
                + " as an input of its own";
    }

    /**
     * Returns an edit of an entry's text.
     *
     * @param edit the edit of the text, read and written as UTF-8
     * @return the edit of the bytes
     */
    static UnaryOperator<byte[]> text(UnaryOperator<String> edit) {
        return bytes -> edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }
}
