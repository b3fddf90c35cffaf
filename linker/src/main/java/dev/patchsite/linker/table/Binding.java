package dev.patchsite.linker.table;

import java.util.Locale;

/**
 * How linking bound a site, recorded in a linked program's table ({@code bind=...}). A site that could not be bound
 * directly says why it stays on its function's trampoline.
 *
 * @param kind how the site is bound
 * @param reason why a site stays on the trampoline, or null for any other kind
 */
public record Binding(Kind kind, String reason) {

    /** How a site is bound. */
    public enum Kind {
        /** {@code boot} mode: the agent rewrites the call to the selected implementation as the class loads. */
        PATCH,
        /** {@code indy} mode: the call became an {@code invokedynamic} bound at its first execution. */
        INDY,
        /** {@code static} mode: the call names the selected implementation. */
        DIRECT,
        /** A super-call, rewritten to call the function's own body (the default) in every mode. */
        DEFAULT,
        /** The call still names the function, whose trampoline forwards to the selection. */
        TRAMPOLINE,
        /**
         * {@code static} mode: the selected implementation is an empty {@code void} body, and the call was patched
         * out (replaced by the pops of its arguments). Last, so that the scan cache's numbers of the others stay.
         */
        OUT;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A site of an updatable function, in a table linked before the boot agent patched such sites (it patches them
     * now, and patches them again on each update): no longer written, still read.
     */
    public static final String UPDATABLE = "updatable";
    /** A method reference or {@code ldc} of the function: it takes the function's address, not a call. */
    public static final String ADDRESS = "address";
    /** The caller's class file is older than the instruction the binding needs. */
    public static final String VERSION = "version";
    /** The caller's method would outgrow 64 KiB of bytecode, or its class 65535 constants. */
    public static final String SIZE = "size";
    /** The caller cannot access the selected implementation. */
    public static final String ACCESS = "access";

    /**
     * Returns a binding of a kind that needs no reason.
     *
     * @param kind the kind, not {@link Kind#TRAMPOLINE}
     * @return the binding
     */
    public static Binding of(Kind kind) {
        return new Binding(kind, null);
    }

    /**
     * Returns a binding to the trampoline.
     *
     * @param reason why, one of the constants of this class
     * @return the binding
     */
    public static Binding trampoline(String reason) {
        return new Binding(Kind.TRAMPOLINE, reason);
    }

    /**
     * Returns the table form, e.g. {@code patch} or {@code trampoline:version}.
     *
     * @return the label
     */
    public String label() {
        return reason == null ? kind.label() : kind.label() + ':' + reason;
    }

    /**
     * Parses the table form.
     *
     * @param label e.g. {@code trampoline:size}
     * @return the binding
     * @throws IllegalArgumentException if the label is not a binding
     */
    public static Binding ofLabel(String label) {
        int colon = label.indexOf(':');
        String kindLabel = colon < 0 ? label : label.substring(0, colon);
        for (Kind kind : Kind.values()) {
            if (kind.label().equals(kindLabel) && (colon < 0) == (kind != Kind.TRAMPOLINE)) {
                return new Binding(kind, colon < 0 ? null : label.substring(colon + 1));
            }
        }
        throw new IllegalArgumentException("unknown binding \"" + label
                + "\"; expected patch, indy, direct, out, default or trampoline:REASON");
    }

    /**
     * Returns whether the site's calls reach the selection without passing through the trampoline.
     *
     * @return true for every kind but {@link Kind#TRAMPOLINE}
     */
    public boolean direct() {
        return kind != Kind.TRAMPOLINE;
    }
}
