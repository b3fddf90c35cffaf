package dev.patchsite.cli;

/**
 * A mistake in the command line found once its options are read, such as an {@code -o} that names an input: reported
 * in one line, without the usage text (which would bury it), with exit code {@link ExitCode#USAGE}.
 */
final class UsageError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageError(String message) {
        super(message);
    }
}
