package dev.patchsite.linker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes output files atomically: into a temporary file beside the target, then moved over it, so a reader never
 * sees a half-written file and a failure leaves the previous file as it was. The temporary file is created as any new
 * file is (honouring the umask) and takes the permissions of the file it replaces.
 */
public final class AtomicOutput {

    private AtomicOutput() {
    }

    /**
     * Writes bytes to a file atomically.
     *
     * @param target the file to write
     * @param bytes its new contents
     * @throws InputException if the file cannot be written; the message names it
     */
    public static void write(Path target, byte[] bytes) throws InputException {
        Path temporary = null;
        try {
            temporary = temporaryFor(target);
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
            move(temporary, target);
        } catch (IOException e) {
            throw cannotWrite(target, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * Creates an empty temporary file beside a target, to be filled and then {@link #move moved} over it.
     *
     * @param target the file the temporary file will replace
     * @return the temporary file, in the target's directory
     * @throws IOException if the directory or the file cannot be created
     */
    public static Path temporaryFor(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        while (true) {
            Path temporary = directory.resolve("." + absolute.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            PosixFileAttributeView existing = Files.exists(absolute)
                    ? Files.getFileAttributeView(absolute, PosixFileAttributeView.class) : null;
            if (existing != null) {
                Files.setPosixFilePermissions(temporary, existing.readAttributes().permissions());
            }
            return temporary;
        }
    }

    /**
     * Moves a finished temporary file over its target, atomically where the file system allows.
     *
     * @param temporary the finished file, in the target's directory
     * @param target the file to replace
     * @throws IOException if the move fails
     */
    public static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Deletes a temporary file if there is one, ignoring failures: the target is already in place or untouched.
     *
     * @param temporary the file, may be null
     */
    public static void deleteQuietly(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // Nothing of the user's is lost: the file was only ever a temporary copy.
            }
        }
    }

    /**
     * Returns the exception for a failed write, with a plain reason.
     *
     * @param target the file that could not be written
     * @param e the failure
     * @return the exception to throw
     */
    public static InputException cannotWrite(Path target, IOException e) {
        String reason;
        if (e instanceof FileAlreadyExistsException) {
            reason = e.getMessage() + " exists and is not a directory";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            reason = "no such directory";
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new InputException(target + ": cannot write: " + reason, e);
    }
}
