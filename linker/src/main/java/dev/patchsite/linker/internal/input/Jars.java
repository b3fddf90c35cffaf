package dev.patchsite.linker.internal.input;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.Messages;
import dev.patchsite.linker.internal.zip.CompressedNestedArchiveException;
import dev.patchsite.linker.internal.zip.NotAZipFileException;
import dev.patchsite.linker.internal.zip.ZipArchive;
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
        } catch (IOException | RuntimeException e) {
            throw notReadable(path, e);
        }
    }

    /**
     * Opens a file as a jar if it is a zip file at all: if it has an end of central directory record, wherever the
     * first entry starts (after a launcher script, say) and however many entries it has (none, too).
     *
     * @param path a regular file
     * @return the archive, to be closed; null if the file is not a zip file
     * @throws InputException if the file cannot be read, or is a zip file this linker cannot read
     */
    public static ZipArchive openIfZip(Path path) throws InputException {
        try {
            return ZipArchive.open(path);
        } catch (NotAZipFileException e) {
            return null;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(path + ": no such file or directory");
        } catch (IOException | RuntimeException e) {
            throw notReadable(path, e);
        }
    }

    /**
     * Opens a jar nested in another, in place.
     *
     * @param name the outer jar's name, for messages
     * @param zip the outer jar
     * @param lib the nested jar's entry name, e.g. {@code BOOT-INF/lib/x.jar}
     * @return the nested archive; closing it closes nothing
     * @throws InputException naming {@code outer.jar!/BOOT-INF/lib/x.jar} if it is compressed or not a readable jar
     */
    public static ZipArchive openNested(String name, ZipArchive zip, String lib) throws InputException {
        try {
            return zip.openNested(zip.find(lib));
        } catch (CompressedNestedArchiveException e) {
            throw new InputException(name + "!/" + lib + ": compressed; a nested jar is read in place, which needs it"
                    + " stored, as Spring Boot's launcher does (maven-war-plugin stores the jars of a war with"
                    + " <recompressZippedFiles>false</recompressZippedFiles>)", e);
        } catch (IOException | RuntimeException e) {
            throw new InputException(name + "!/" + lib + ": not a readable jar (truncated, or not a zip file): "
                    + Messages.rootCause(e), e);
        }
    }

    /**
     * Returns where a jar keeps its classes: a plain jar, or a Spring Boot or web archive.
     *
     * @param name the jar's name, for messages
     * @param zip the jar
     * @return its layout
     * @throws InputException if its {@code classpath.idx} cannot be read
     */
    public static ArchiveLayout layout(String name, ZipArchive zip) throws InputException {
        try {
            return ArchiveLayout.of(zip);
        } catch (IOException e) {
            throw new InputException(name + ": cannot read its class path index: " + Messages.rootCause(e), e);
        }
    }

    /**
     * Closes a jar that failed to be taken into use, keeping what goes wrong in closing it with the failure.
     *
     * @param zip the jar
     * @param failure why it is not used
     */
    public static void closeAfter(ZipArchive zip, Exception failure) {
        try {
            zip.close();
        } catch (IOException suppressed) {
            failure.addSuppressed(suppressed);
        }
    }

    private static InputException notReadable(Path path, Exception e) {
        if (e instanceof AccessDeniedException) {
            return new InputException(path + ": cannot read: permission denied", e);
        }
        return new InputException(path + ": not a readable jar (truncated, or not a zip file)"
                + (e instanceof NotAZipFileException ? "" : ": " + Messages.rootCause(e)), e);
    }
}
