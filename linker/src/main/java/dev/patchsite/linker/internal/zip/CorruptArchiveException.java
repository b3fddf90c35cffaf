package dev.patchsite.linker.internal.zip;

/** A field of the central directory that cannot be right; only thrown while an archive is opened. */
final class CorruptArchiveException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CorruptArchiveException(String message) {
        super(message);
    }
}
