package dev.patchsite.linker.internal.output;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.IoReasons;
import dev.patchsite.linker.internal.io.ChunkedIo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;

/**
 * Writes output files atomically: into a temporary file beside the target, then moved over it, so a reader never
 * sees a half-written file and a failure leaves the previous file as it was. The temporary file is created as any new
 * file is (honouring the umask), takes the permissions of the file it replaces, and is never left behind for good
 * (see {@link TemporaryFiles}).
 *
 * <p>What an output path may name (see {@link OutputPaths#target}): a regular file or nothing, replaced or created; a
 * symbolic link, written through (the file it points to is replaced, atomically, in its own directory, and the link
 * stays); a device or FIFO ({@code /dev/null}, {@code /dev/stdout}, a named pipe), which text is written to directly
 * and which is never replaced. A directory is refused.
 */
public final class AtomicOutput {

    private AtomicOutput() {
    }

    /**
     * Writes bytes to a file atomically, or straight into a device or FIFO.
     *
     * @param target the file to write
     * @param bytes its new contents
     * @throws InputException if the file cannot be written; the message names it
     */
    public static void write(Path target, byte[] bytes) throws InputException {
        write(target, List.of(ByteBuffer.wrap(bytes)));
    }

    /**
     * Writes bytes held in parts to a file atomically, or straight into a device or FIFO.
     *
     * @param target the file to write
     * @param parts its new contents: heap buffers, each from its position to its limit, left as they are
     * @throws InputException if the file cannot be written; the message names it
     */
    public static void write(Path target, List<ByteBuffer> parts) throws InputException {
        Path temporary = null;
        try {
            if (OutputPaths.isSpecial(target)) {
                // A device or FIFO is written to as a shell's redirection would: it cannot be replaced, only fed.
                try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
                    writeAll(out, parts);
                }
                return;
            }
            temporary = temporaryFor(target);
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE)) {
                writeAll(out, parts);
            }
            move(temporary, target);
        } catch (IOException e) {
            throw cannotWrite(target, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static void writeAll(OutputStream out, List<ByteBuffer> parts) throws IOException {
        for (ByteBuffer part : parts) {
            ChunkedIo.write(out, part);
        }
    }

    /**
     * Checks, before any work, that a file can be written to a target and moved into place: it is not a directory,
     * a device or a FIFO, and its links do not loop.
     *
     * @param target the file to write
     * @throws InputException if it cannot be; the message names it
     */
    public static void checkReplaceable(Path target) throws InputException {
        try {
            refuseSpecial(OutputPaths.target(target));
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    /**
     * Creates an empty temporary file beside a target, to be filled and then {@link #move moved} over it. The
     * target's directory is created if it does not exist; stale temporary files of killed runs in it are deleted.
     *
     * @param target the file the temporary file will replace: a regular file, a symbolic link to one (the temporary
     *     file is then beside the file it points to), or nothing
     * @return the temporary file, in the directory of the file it will replace
     * @throws IOException if the target is a directory, a device or a FIFO, or the directory or the file cannot be
     *     created
     */
    public static Path temporaryFor(Path target) throws IOException {
        Path file = OutputPaths.target(target);
        refuseSpecial(file);
        Path directory = file.getParent();
        Files.createDirectories(directory);
        Path temporary = TemporaryFiles.create(directory, file.getFileName().toString());
        PosixFileAttributeView existing = Files.exists(file)
                ? Files.getFileAttributeView(file, PosixFileAttributeView.class) : null;
        if (existing != null) {
            Files.setPosixFilePermissions(temporary, existing.readAttributes().permissions());
        }
        return temporary;
    }

    private static void refuseSpecial(Path file) throws NotARegularFileException {
        if (OutputPaths.isSpecial(file)) {
            throw new NotARegularFileException(OutputPaths.kind(file) + ", not a regular file: a jar is written to a"
                    + " file and moved into place, never into a device or FIFO");
        }
    }

    /**
     * Moves a finished temporary file over its target, atomically where the file system allows.
     *
     * @param temporary the finished file, from {@link #temporaryFor}
     * @param target the file to replace, as given to {@link #temporaryFor}
     * @throws IOException if the move fails
     */
    public static void move(Path temporary, Path target) throws IOException {
        Path file = OutputPaths.target(target);
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        TemporaryFiles.forget(temporary);
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
                TemporaryFiles.forget(temporary);
            } catch (IOException e) {
                // Nothing of the user's is lost: the file was only ever a temporary copy; the next run deletes it.
            }
        }
    }

    /**
     * Returns whether a file name is that of a temporary file of an output being written (or left by a killed run).
     *
     * @param fileName a file name
     * @return whether it is one
     */
    public static boolean isTemporary(String fileName) {
        return TemporaryFiles.isTemporary(fileName);
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
        } else if (e instanceof NotARegularFileException) {
            reason = e.getMessage();
        } else {
            reason = IoReasons.of(e);
        }
        return new InputException(target + ": cannot write: " + reason, e);
    }

    /** An output that is not a regular file where a file must be written and moved into place. */
    private static final class NotARegularFileException extends IOException {
        private static final long serialVersionUID = 1L;

        NotARegularFileException(String reason) {
            super(reason);
        }
    }
}
