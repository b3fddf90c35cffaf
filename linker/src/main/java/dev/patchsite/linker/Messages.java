package dev.patchsite.linker;

/** Turns low-level exceptions into the short phrases error messages end with. */
final class Messages {

    private Messages() {
    }

    /** Returns the message of the innermost cause, or its class name if it has none. */
    static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
