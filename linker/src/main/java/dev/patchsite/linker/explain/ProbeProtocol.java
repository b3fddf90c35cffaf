package dev.patchsite.linker.explain;

import java.io.PrintStream;

/**
 * The words {@link ProbeMain} and {@link ProbeProcess} exchange, one line each, fields separated by tabs. Every line
 * the child writes starts with a nonce the parent chose, so that what a probe prints cannot pass for an answer.
 */
final class ProbeProtocol {

    static final String PATH = "path";
    static final String GROUP = "group";
    static final String END = "end";
    static final String START = "start";
    static final String PROBE = "probe";
    static final String SELECTED = "selected";
    static final String UNKNOWN = "unknown";
    static final String DONE = "done";
    /** An absent override. */
    static final String NONE = "-";

    private final String nonce;
    private final PrintStream out;

    /**
     * Creates the child's side.
     *
     * @param nonce the nonce that starts every answer
     * @param out where answers go
     */
    ProbeProtocol(String nonce, PrintStream out) {
        this.nonce = nonce;
        this.out = out;
    }

    /** Writes one answer; control characters in the fields (a probe's exception message) become spaces. */
    void send(String word, String... fields) {
        StringBuilder line = new StringBuilder(nonce).append('\t').append(word);
        for (String field : fields) {
            line.append('\t').append(oneLine(field));
        }
        synchronized (out) {
            out.println(line);
        }
    }

    /**
     * Returns text on one line without tabs: each control character becomes a space.
     *
     * @param text the text, may be null
     * @return the line
     */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder();
        String value = String.valueOf(text);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString();
    }
}
