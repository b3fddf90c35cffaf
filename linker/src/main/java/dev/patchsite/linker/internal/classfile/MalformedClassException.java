package dev.patchsite.linker.internal.classfile;

/**
 * A class file is not well-formed. Unchecked inside the scanner; the scanner turns it into an
 * {@link dev.patchsite.linker.InputException} that names the entry.
 */
final class MalformedClassException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedClassException(String message) {
        super(message);
    }
}
