package dev.patchsite.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.ValidationException;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void aUserErrorKeepsTheCoreMessageAndNoCause() {
        MojoFailureException e = Failures.of(new InputException("app.jar!/a/B.class: truncated", new IOException()));
        assertEquals("app.jar!/a/B.class: truncated", e.getMessage());
        assertNull(e.getCause(), "a cause would make Maven print a stack trace");
    }

    @Test
    void aValidationFailureListsEveryProblem() {
        MojoFailureException e = Failures.of(new ValidationException(List.of("first problem", "second problem")));
        assertEquals(String.join(System.lineSeparator(), "2 problems in the declarations:", "  first problem",
                "  second problem"), e.getMessage());
    }

    @Test
    void aBadParameterNamesTheParameter() {
        MojoFailureException e = Failures.ofParameter("mode",
                new IllegalArgumentException("unknown mode \"fast\"; expected boot, indy or static"));
        assertEquals("patchsite parameter mode: unknown mode \"fast\"; expected boot, indy or static",
                e.getMessage());
    }
}
