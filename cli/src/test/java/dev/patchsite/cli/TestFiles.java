package dev.patchsite.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** File helpers for the command tests: unzipping a jar, snapshots of inputs, listing a directory. */
final class TestFiles {

    private TestFiles() {
    }

    /**
     * Extracts every entry of a jar into a directory, as {@code unzip} would.
     *
     * @param jar the jar
     * @param dir the directory to extract into
     * @return {@code dir}
     * @throws IOException if reading or writing fails
     */
    static Path unzip(Path jar, Path dir) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("entry outside the directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
        }
        return dir;
    }

    /**
     * Returns every regular file under a path (or the path itself, if it is a file) with its contents, to compare
     * before and after a run: equal snapshots mean nothing was changed, added or removed.
     *
     * @param path a file, a directory, or a path that does not exist (an empty snapshot)
     * @return the relative path of each file, with its bytes in Base64, sorted by path
     * @throws IOException if reading fails
     */
    static Map<String, String> snapshot(Path path) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(path)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(path.relativize(file).toString(), Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
            }
        }
        return files;
    }

    /**
     * Returns the names of the entries of a directory, sorted (hidden files included).
     *
     * @param dir the directory
     * @return the names
     * @throws IOException if listing fails
     */
    static List<String> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Reads a file as UTF-8 text.
     *
     * @param file the file
     * @return its text
     * @throws IOException if reading fails
     */
    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
