package dev.patchsite.linker.link;

import dev.patchsite.linker.internal.output.AtomicOutput;
import dev.patchsite.linker.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a build's link step read and wrote, one line each, so that a build that would link the same inputs the same
 * way to the same output can skip it: the configuration; each class path entry's path and the SHA-256 of its content
 * (of each file's, for a directory); and the SHA-256 of the jar read and of the jar written. Contents, not sizes and
 * times: a dependency rebuilt within the same second to the same size (a changed constant, a site added in a
 * library module of the same reactor) is a different dependency, and a jar linked against the old one is stale.
 * Stored after a link, in the build's directory (the Maven plugin's {@code target/patchsite/}); the next link
 * compares the current state with it.
 */
final class LinkFingerprint {

    private final StringBuilder text = new StringBuilder("patchsite-link-fingerprint 1\n");

    /** Adds a line {@code key value}. */
    LinkFingerprint add(String key, Object value) {
        text.append(key).append(' ').append(value).append('\n');
        return this;
    }

    /** Adds a line with a file's path and the SHA-256 of its contents, or {@code none} if it does not exist. */
    LinkFingerprint addContent(String key, Path file) throws IOException {
        return add(key, content(file));
    }

    /** Adds a line per class path entry, or per file of a directory entry: its path and the SHA-256 of its content. */
    LinkFingerprint addClasspath(List<Path> classpath) throws IOException {
        for (Path entry : classpath) {
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(entry)) {
                try (Stream<Path> walk = Files.walk(entry)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else {
                files.add(entry);
            }
            for (Path file : files) {
                addContent("classpath", file);
            }
        }
        return this;
    }

    /** Returns whether a stored fingerprint equals this one. */
    boolean matches(Path stored) throws IOException {
        try {
            return Files.readString(stored, StandardCharsets.UTF_8).equals(text.toString());
        } catch (NoSuchFileException | CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Returns the value of a stored fingerprint's first line with a key.
     *
     * @param stored the stored fingerprint
     * @param key the key, e.g. {@code output}
     * @return the value, e.g. the output's path and SHA-256; null if nothing is stored or no line has the key
     */
    static String stored(Path stored, String key) throws IOException {
        try {
            return Files.readAllLines(stored, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith(key + " "))
                    .map(l -> l.substring(key.length() + 1)).findFirst().orElse(null);
        } catch (NoSuchFileException | CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Returns the value of the line {@link #addContent} adds for a file.
     *
     * @param file the file
     * @return its absolute path and the SHA-256 of its contents, or {@code none}
     */
    static String content(Path file) throws IOException {
        return file.toAbsolutePath() + " " + sha256(file);
    }

    /** Stores this fingerprint, atomically. */
    void store(Path stored) throws InputException {
        AtomicOutput.write(stored, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (NoSuchFileException e) {
            return "none";
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
