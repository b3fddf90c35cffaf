package dev.patchsite.linker;

import java.util.Objects;

/**
 * A line a workflow's result asks its front-end to show, already worded for a user, naming no front-end's options:
 * the CLI prints it, the Maven plugin logs it at its level.
 *
 * @param level how much it matters
 * @param text the line
 */
public record Notice(Level level, String text) {

    /** Checks the notice. */
    public Notice {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
    }

    /** How much a notice matters. */
    public enum Level {
        /** What happened, as expected. */
        INFO,
        /** Probably a mistake, but the work went on. */
        WARNING,
        /** Why the work failed. */
        ERROR
    }
}
