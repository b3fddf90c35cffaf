package dev.patchsite.linker;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes output files atomically: into a temporary file beside the target, then moved over it, so a reader never
 * sees a half-written file and a failure leaves the previous file as it was.
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
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp");
            Files.write(temporary, bytes);
            move(temporary, absolute);
        } catch (IOException e) {
            throw new InputException(target + ": cannot write: " + e, e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // Best effort: the target is already in place or untouched.
                }
            }
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
}
