package dev.patchsite.linker.table;

/**
 * A minimal JSON writer for the JSON forms of tables and diffs: objects and arrays, one member or element a line,
 * two-space indentation, members in the order written, so equal values give equal bytes.
 *
 * <p>Calls nest as they would in the document: {@code beginObject}, then {@code name} before each member value,
 * then {@code endObject}.
 */
public final class Json {

    private final StringBuilder out = new StringBuilder();
    private int depth;
    private boolean first = true;
    private boolean afterName;

    /**
     * Starts an object, as a value.
     *
     * @return this writer
     */
    public Json beginObject() {
        return open('{');
    }

    /**
     * Ends the current object.
     *
     * @return this writer
     */
    public Json endObject() {
        return close('}');
    }

    /**
     * Starts an array, as a value.
     *
     * @return this writer
     */
    public Json beginArray() {
        return open('[');
    }

    /**
     * Ends the current array.
     *
     * @return this writer
     */
    public Json endArray() {
        return close(']');
    }

    /**
     * Writes a member name; the next call writes its value.
     *
     * @param name the member name
     * @return this writer
     */
    public Json name(String name) {
        separate();
        quote(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    /**
     * Writes a string value, or {@code null}.
     *
     * @param value the value, may be null
     * @return this writer
     */
    public Json value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    /**
     * Writes a number value.
     *
     * @param value the value
     * @return this writer
     */
    public Json value(long value) {
        separate();
        out.append(value);
        return this;
    }

    /**
     * Writes a boolean value.
     *
     * @param value the value
     * @return this writer
     */
    public Json value(boolean value) {
        separate();
        out.append(value);
        return this;
    }

    /**
     * Returns the document written so far, with a final line end once it is complete.
     *
     * @return the JSON text
     */
    @Override
    public String toString() {
        return depth == 0 ? out + "\n" : out.toString();
    }

    private Json open(char bracket) {
        separate();
        out.append(bracket);
        depth++;
        first = true;
        return this;
    }

    private Json close(char bracket) {
        depth--;
        if (!first) {
            newline();
        }
        out.append(bracket);
        first = false;
        return this;
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (!first) {
                out.append(',');
            }
            newline();
        }
        first = false;
    }

    private void newline() {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    private void quote(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
