package dev.patchsite.linker.internal.zip;

import java.util.zip.ZipException;

/** The file has no zip end record at all: truncated, or not a zip file. */
public final class NotAZipFileException extends ZipException {

    private static final long serialVersionUID = 1L;

    NotAZipFileException(String message) {
        super(message);
    }
}
