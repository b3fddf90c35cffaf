package dev.patchsite.linker.diff;

/** Whether a record was added, removed or changed between the old and the new table. */
enum Delta {
    /** In the new table only. */
    ADDED('+', "added"),
    /** In the old table only. */
    REMOVED('-', "removed"),
    /** In both, with the same identity but different attributes. */
    CHANGED('~', "changed");

    private final char sign;
    private final String label;

    Delta(char sign, String label) {
        this.sign = sign;
        this.label = label;
    }

    /** Returns the sign that prefixes the record's line in the text format: {@code +}, {@code -} or {@code ~}. */
    char sign() {
        return sign;
    }

    /** Returns the past participle used in messages: {@code added}, {@code removed} or {@code changed}. */
    String label() {
        return label;
    }
}
