package dev.patchsite.linker.internal.output;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * What an output path names, and whether it is an input: the checks every command makes before it writes, so that
 * {@code -o} never replaces an input or anything that is not a regular file. Files are compared by identity (the
 * same file through any path, symbolic link or hard link), not by name.
 */
public final class OutputPaths {

    /** The longest chain of symbolic links followed, as Linux's {@code MAXSYMLINKS}. */
    private static final int MAX_LINKS = 40;

    private OutputPaths() {
    }

    /**
     * Returns a message if an output is one of the inputs, or null.
     *
     * @param output the output
     * @param inputs the inputs, of any kind (jars, directories, tables, declaration files); null elements are skipped
     * @return e.g. {@code out.jar is also an input (lib/out.jar); ...}, or null
     */
    public static String conflict(Path output, Collection<Path> inputs) {
        for (Path input : inputs) {
            if (input != null && sameFile(output, input)) {
                return output + " is also an input" + (output.equals(input) ? "" : " (" + input + ")")
                        + "; patchsite never modifies its inputs: write the output elsewhere and move it if you must";
            }
        }
        return null;
    }

    /**
     * Returns whether two paths name one file: the same file where both exist (through links, hard or symbolic),
     * otherwise the same path once the links of each are followed.
     *
     * @param a a path
     * @param b another
     * @return whether writing to one would write the other
     */
    public static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
            return resolved(a).equals(resolved(b));
        } catch (IOException e) {
            // A path that cannot be looked at is not written to either: its write fails with its own message.
            return false;
        }
    }

    /** Returns a path with every symbolic link along it followed, as far as its files exist. */
    private static Path resolved(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            return absolute.toRealPath();
        }
        Path file = target(absolute);
        Path parent = file.getParent();
        return parent == null || file.getFileName() == null ? file : resolved(parent).resolve(file.getFileName());
    }

    /**
     * Returns the file an output replaces: the path itself or, for a symbolic link, the file at the end of its chain
     * of links, which need not exist yet; or the path itself if it names a device or FIFO (a link such as
     * {@code /dev/stdout} may point to one by a name that is no path, e.g. {@code pipe:[1234]}). A directory is
     * refused.
     *
     * @param output the output path
     * @return the absolute path of the file to replace
     * @throws IOException if the output is a directory, or its links loop
     */
    public static Path target(Path output) throws IOException {
        Path file = output.toAbsolutePath();
        if (isSpecial(file)) {
            return file;
        }
        for (int hops = 0; Files.isSymbolicLink(file); hops++) {
            if (hops == MAX_LINKS) {
                throw new FileSystemException(output.toString(), null, "Too many levels of symbolic links");
            }
            file = file.getParent().resolve(Files.readSymbolicLink(file));
        }
        if (Files.isDirectory(file)) {
            throw new FileSystemException(output.toString(), null, "A directory");
        }
        return file;
    }

    /**
     * Returns whether a path names, through its links, something that exists and is neither a regular file nor a
     * directory: a device, a FIFO or a socket, which can be written to but not replaced.
     *
     * @param path the path
     * @return whether it is one
     */
    public static boolean isSpecial(Path path) {
        return Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path);
    }

    /**
     * Returns what kind of special file a path names, for a message: {@code a FIFO}, {@code a character device}...
     *
     * @param path the path, which {@link #isSpecial is special}
     * @return the phrase
     */
    static String kind(Path path) {
        try {
            int type = (Integer) Files.getAttribute(path, "unix:mode") & 0170000;
            switch (type) {
                case 0010000:
                    return "a FIFO";
                case 0020000:
                    return "a character device";
                case 0060000:
                    return "a block device";
                case 0140000:
                    return "a socket";
                default:
                    break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // No unix view here: the generic phrase says enough.
        }
        return "a device or FIFO";
    }
}
