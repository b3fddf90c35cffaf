package dev.patchsite.linker.link;

import dev.patchsite.linker.internal.output.AtomicOutput;
import dev.patchsite.linker.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a build's link step read and wrote, one line each, so that a build that would link the same inputs the same
 * way to the same output can skip it: the configuration; each class path entry's path, size and modification time
 * (each file's, for a directory); and the SHA-256 of the jar read and of the jar written. Stored after a link, in the
 * build's directory (the Maven plugin's {@code target/patchsite/}); the next link compares the current state with it.
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
        return add(key, file.toAbsolutePath() + " " + sha256(file));
    }

    /** Adds a line per class path entry, or per file of a directory entry: its path, size and modification time. */
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
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                add("classpath", file.toAbsolutePath() + " " + attributes.size() + " "
                        + attributes.lastModifiedTime().toMillis());
            }
        }
        return this;
    }

    /** Returns whether a stored fingerprint equals this one. */
    boolean matches(Path stored) throws IOException {
        try {
            return Files.readString(stored, StandardCharsets.UTF_8).equals(text.toString());
        } catch (NoSuchFileException e) {
            return false;
        }
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
