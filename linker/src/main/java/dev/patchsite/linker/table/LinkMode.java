package dev.patchsite.linker.table;

import dev.patchsite.linker.Labels;
import java.util.Arrays;
import java.util.List;

/** How linking binds sites. One table, three ways to bind. */
public enum LinkMode {
    /**
     * Sites stay {@code invokestatic}; the runtime's agent rewrites each one's operand to the selected implementation
     * as its class loads. Without the agent every call goes through the trampoline.
     */
    BOOT,
    /** Each site becomes an {@code invokedynamic} bound to the selection at its first execution. */
    INDY,
    /** The selection is fixed at link time; sites call it directly and no runtime is needed. */
    STATIC;

    /**
     * Returns the lower-case name used on the command line and in tables.
     *
     * @return e.g. {@code boot}
     */
    public String label() {
        return Labels.of(this);
    }

    /**
     * Returns the mode with the given label.
     *
     * @param label e.g. {@code indy}
     * @return the mode
     * @throws IllegalArgumentException if there is none
     */
    public static LinkMode ofLabel(String label) {
        return Labels.parse(LinkMode.class, label, "mode");
    }

    /**
     * Returns the mode with the given label, or null if there is none: for readers that report their own error.
     *
     * @param label e.g. {@code indy}
     * @return the mode, or null
     */
    public static LinkMode forLabel(String label) {
        for (LinkMode mode : values()) {
            if (mode.label().equals(label)) {
                return mode;
            }
        }
        return null;
    }

    /**
     * Returns the labels of all modes, in declaration order.
     *
     * @return {@code boot}, {@code indy}, {@code static}
     */
    public static List<String> labels() {
        return Arrays.stream(values()).map(LinkMode::label).toList();
    }
}
