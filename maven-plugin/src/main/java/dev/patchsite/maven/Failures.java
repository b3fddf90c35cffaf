package dev.patchsite.maven;

import dev.patchsite.linker.PatchsiteException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Maps the core's exceptions to Maven's. Every {@link PatchsiteException} is the user's to fix (a bad input, a
 * declaration that breaks a rule, a program that cannot be linked as asked), so it becomes a
 * {@link MojoFailureException} with the core's message and no cause: Maven shows the message, not a stack trace. The
 * message of a {@link dev.patchsite.linker.ValidationException} lists every problem, one a line.
 */
final class Failures {

    private Failures() {
    }

    /** Returns the build failure for a core exception. */
    static MojoFailureException of(PatchsiteException e) {
        return new MojoFailureException(e.getMessage());
    }

    /** Returns the build failure for a parameter whose value the core does not accept. */
    static MojoFailureException ofParameter(String parameter, IllegalArgumentException e) {
        return new MojoFailureException("patchsite parameter " + parameter + ": " + e.getMessage());
    }
}
