package dev.patchsite.linker;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Turns a file system failure into the plain reason an error message ends with ("permission denied", "no such file
 * or directory"), rather than the path the JDK's exceptions carry as their message.
 */
public final class IoReasons {

    private IoReasons() {
    }

    /**
     * Returns the reason of a failure to read or write a file.
     *
     * @param e the failure
     * @return its reason, in lower case where it is the system's
     */
    public static String of(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException system && system.getReason() != null) {
            // The system's own words ("Read-only file system", "No space left on device"), as a phrase.
            String reason = system.getReason();
            return Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
