package dev.patchsite.linker;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * An input could not be read or is not what it claims to be: a corrupt or truncated jar, a malformed class file, a
 * table or declaration file with a syntax error. The message names the input and, where known, the entry, class or
 * line, and is fit to show a user as it is.
 */
public class InputException extends PatchsiteException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the message, naming the input
     */
    public InputException(String message) {
        super(OneLine.of(message));
    }

    /**
     * Creates the exception.
     *
     * @param message the message, naming the input
     * @param cause the underlying failure, may be null
     */
    public InputException(String message, Throwable cause) {
        super(OneLine.of(message), cause);
    }

    /**
     * Returns the exception for a text file (a table, a declaration file) that could not be read: missing, not UTF-8,
     * or unreadable for another reason.
     *
     * @param file the file
     * @param kind what the file should be, e.g. {@code patch-site table}
     * @param e what reading it threw
     * @return e.g. {@code t.table: not a patch-site table (not UTF-8 text)}
     */
    public static InputException unreadableText(Path file, String kind, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new InputException(file + ": no such file or directory");
        }
        if (e instanceof CharacterCodingException) {
            return new InputException(file + ": not a " + kind + " (not UTF-8 text)");
        }
        return new InputException(file + ": cannot read: " + IoReasons.of(e), e);
    }
}
