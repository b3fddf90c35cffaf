package dev.patchsite.linker;

/**
 * Makes a message one line: names read from an input (an entry's, a class's) may hold line breaks and other control
 * characters, which would split the one-line error a user and a CI log expect, or forge lines of their own. Each such
 * character is written as its Java escape ({@code \n}, {@code \u0007}).
 */
public final class OneLine {

    private OneLine() {
    }

    /**
     * Returns the text with every control character escaped.
     *
     * @param text a message, or a part of one taken from an input
     * @return the text on one line; the same instance if it had no control character
     */
    public static String of(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out == null) {
                continue;
            }
            if (!control) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }
}
