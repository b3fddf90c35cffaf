package dev.patchsite.linker.internal.zip;

import java.util.zip.ZipException;

/** A jar nested in another is compressed, so it cannot be read in place: only a stored one can. */
public final class CompressedNestedArchiveException extends ZipException {

    private static final long serialVersionUID = 1L;

    CompressedNestedArchiveException(String message) {
        super(message);
    }
}
