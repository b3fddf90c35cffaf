package dev.patchsite.linker;

/**
 * A failure the user can act on. Front-ends show the message, never the stack trace: the CLI maps each subclass to
 * an exit code, the Maven plugin to a build failure.
 */
public abstract class PatchsiteException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the message, fit to show a user
     */
    protected PatchsiteException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message the message, fit to show a user
     * @param cause the underlying failure, may be null
     */
    protected PatchsiteException(String message, Throwable cause) {
        super(message, cause);
    }
}
