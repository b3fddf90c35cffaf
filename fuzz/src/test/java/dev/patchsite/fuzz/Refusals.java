package dev.patchsite.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.patchsite.linker.ValidationException;

/**
 * What every fuzz target asks of a refusal: an exception of the reader's documented kind carries a message a user
 * can act on (one line, not empty; a {@link ValidationException} lists its problems one a line). The kind is each
 * target's business; an exception of any other kind escapes the target and is Jazzer's finding.
 */
public final class Refusals {

    private Refusals() {
    }

    /**
     * Checks a refusal's message.
     *
     * @param refusal the exception the reader threw
     */
    public static void check(Exception refusal) {
        String message = refusal.getMessage();
        assertNotNull(message, () -> "a refusal without a message: " + refusal);
        assertFalse(message.isBlank(), () -> "a refusal with a blank message: " + refusal);
        assertFalse(!(refusal instanceof ValidationException) && message.contains("\n"), () -> "a refusal whose message is not one line: " + refusal);
    }
}
