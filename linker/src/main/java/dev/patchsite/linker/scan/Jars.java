package dev.patchsite.linker.scan;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.zip.NotAZipFileException;
import dev.patchsite.linker.zip.ZipArchive;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the jars a command is given, with the one-line errors every command gives for them. */
public final class Jars {

    private Jars() {
    }

    /**
     * Opens a jar (any zip file).
     *
     * @param path the jar
     * @return the archive, to be closed
     * @throws InputException if the file is missing or is not a zip file this linker reads
     */
    public static ZipArchive open(Path path) throws InputException {
        if (Files.isDirectory(path)) {
            throw new InputException(path + ": a directory, not a jar");
        }
        if (!Files.isRegularFile(path)) {
            throw new InputException(path + (Files.exists(path) ? ": not a regular file, not a jar"
                    : ": no such file or directory"));
        }
        try {
            return ZipArchive.open(path);
        } catch (AccessDeniedException e) {
            throw new InputException(path + ": cannot read: permission denied", e);
        } catch (IOException | RuntimeException e) {
            throw new InputException(path + ": not a readable jar (truncated, or not a zip file)"
                    + (e instanceof NotAZipFileException ? "" : ": " + Messages.rootCause(e)), e);
        }
    }
}
