package dev.patchsite.linker;

import java.io.File;
import java.nio.file.Path;

/** Names files in messages as a user sees them from where they work. */
public final class DisplayPaths {

    private DisplayPaths() {
    }

    /**
     * Returns a file's path relative to a directory, with {@code /}, or its absolute path if it is elsewhere.
     *
     * @param directory the directory, e.g. a project's
     * @param file the file
     * @return the path to show
     */
    public static String relative(Path directory, Path file) {
        Path base = directory.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString().replace(File.separatorChar, '/')
                : absolute.toString();
    }
}
