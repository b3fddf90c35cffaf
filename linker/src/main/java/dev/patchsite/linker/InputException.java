package dev.patchsite.linker;

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
}
