package dev.patchsite.linker.table;

import dev.patchsite.linker.Labels;

/** How a site uses its function. */
public enum SiteKind {
    /** An {@code invokestatic} instruction ({@code Methodref} or {@code InterfaceMethodref}): a patchable call. */
    INVOKE,
    /**
     * The function's address taken as a {@code MethodHandle} constant among the arguments of an
     * {@code invokedynamic} bootstrap method, as javac emits for a method reference. Recorded, not patched.
     */
    REF,
    /** The function's address taken by {@code ldc} of a {@code MethodHandle} (or dynamic) constant. Recorded, not patched. */
    LDC;

    private static final SiteKind[] KINDS = values();

    private final String label = Labels.of(this);

    /**
     * Returns the name used in tables, e.g. {@code invoke}.
     *
     * @return the lower-case name
     */
    public String label() {
        return label;
    }

    /**
     * Returns the kind with the given table name.
     *
     * @param label the lower-case name, e.g. {@code ref}
     * @return the kind
     * @throws IllegalArgumentException if no kind has that name
     */
    public static SiteKind ofLabel(String label) {
        // Called once per site of a table: compared with the labels made once, not lower-cased each time.
        for (SiteKind kind : KINDS) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        return Labels.parse(SiteKind.class, label, "site kind");
    }
}
