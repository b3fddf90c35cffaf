package dev.patchsite.linker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchsite.linker.internal.output.AtomicOutput;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

/**
 * The reasons error messages end with: the system's words, not the path that the JDK's exceptions carry as their
 * message ("cannot read: /x/app.jar" said nothing). Tests run as root cannot be denied a file, so the mapping is
 * tested here, on the exceptions the JDK throws.
 */
class IoReasonsTest {

    @Test
    void eachFailureHasItsPlainReason() {
        assertEquals("permission denied", IoReasons.of(new AccessDeniedException("/x/app.jar")));
        assertEquals("no such file or directory", IoReasons.of(new NoSuchFileException("/x/app.jar")));
        assertEquals("not a directory", IoReasons.of(new NotDirectoryException("/x/app.jar")));
        assertEquals("no space left on device", IoReasons.of(new FileSystemException("/x/app.jar", null,
                "No space left on device")));
        assertEquals("broken pipe", IoReasons.of(new IOException("broken pipe")));
        assertEquals("IOException", IoReasons.of(new IOException()));
    }

    @Test
    void anUnwritableOutputSaysPermissionDenied() {
        assertEquals("/x/app.jar: cannot write: permission denied", AtomicOutput.cannotWrite(
                java.nio.file.Path.of("/x/app.jar"), new AccessDeniedException("/x/app.jar")).getMessage());
    }
}
