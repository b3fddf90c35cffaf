package dev.patchsite.linker;

/**
 * The program cannot be linked as asked: a signed jar (unless signatures may be dropped), an unknown group or
 * variant in a selection, a group class too old to host a trampoline, an input already linked in another mode. The
 * message says what to do instead.
 */
public class LinkException extends PatchsiteException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the message, naming the input, class or selection
     */
    public LinkException(String message) {
        super(OneLine.of(message));
    }
}
