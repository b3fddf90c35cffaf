package dev.patchsite.linker.table;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser (RFC 8259) for the JSON form of a table: objects become {@link LinkedHashMap}s, arrays
 * {@link List}s, strings {@link String}s, integers {@link Long}s, {@code true} and {@code false} {@link Boolean}s,
 * {@code null} null. A table's JSON holds no fractions, so a number with a fraction or exponent is refused, as is a
 * duplicate member name. Hostile input is bounded: nesting deeper than {@link #MAX_DEPTH}, a string longer than
 * {@link #MAX_STRING} characters or a number longer than 19 digits is an error, and memory grows with the document
 * only. Errors are {@link IllegalArgumentException}s naming the line and column.
 */
final class JsonParser {

    /** The deepest nesting accepted; a table's JSON nests four deep. */
    static final int MAX_DEPTH = 32;
    /** The longest string accepted, in characters: a class file's names are at most 65535 bytes. */
    static final int MAX_STRING = 65_536;

    private final Reader in;
    private int next;
    private int line = 1;
    private int column;
    private final StringBuilder text = new StringBuilder();

    private JsonParser(Reader in) {
        this.in = in;
    }

    /**
     * Parses one JSON value, which must be the whole input apart from white space.
     *
     * @param in the text; read to its end, not closed
     * @return the value
     * @throws IllegalArgumentException if the text is not one JSON value within the bounds
     * @throws IOException if reading fails
     */
    static Object parse(Reader in) throws IOException {
        JsonParser parser = new JsonParser(in);
        parser.advance();
        Object value = parser.value(0);
        parser.skipSpace();
        if (parser.next != -1) {
            throw parser.error("unexpected " + parser.describe() + " after the value");
        }
        return value;
    }

    private Object value(int depth) throws IOException {
        skipSpace();
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
        return switch (next) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (next == '-' || (next >= '0' && next <= '9')) {
                    yield number();
                }
                throw error("expected a value but found " + describe());
            }
        };
    }

    private Map<String, Object> object(int depth) throws IOException {
        Map<String, Object> members = new LinkedHashMap<>();
        advance();
        skipSpace();
        if (next == '}') {
            advance();
            return members;
        }
        while (true) {
            skipSpace();
            if (next != '"') {
                throw error("expected a member name but found " + describe());
            }
            String name = string();
            skipSpace();
            expect(':');
            if (members.containsKey(name)) {
                throw error("member \"" + name + "\" given twice");
            }
            members.put(name, value(depth + 1));
            skipSpace();
            if (next == '}') {
                advance();
                return members;
            }
            expect(',');
        }
    }

    private List<Object> array(int depth) throws IOException {
        List<Object> elements = new ArrayList<>();
        advance();
        skipSpace();
        if (next == ']') {
            advance();
            return elements;
        }
        while (true) {
            elements.add(value(depth + 1));
            skipSpace();
            if (next == ']') {
                advance();
                return elements;
            }
            expect(',');
        }
    }

    private String string() throws IOException {
        text.setLength(0);
        advance();
        while (next != '"') {
            if (next == -1) {
                throw error("the input ends inside a string");
            }
            if (next < 0x20) {
                throw error("a control character inside a string must be escaped");
            }
            if (text.length() == MAX_STRING) {
                throw error("a string longer than " + MAX_STRING + " characters");
            }
            if (next == '\\') {
                advance();
                text.append(escape());
            } else {
                text.append((char) next);
            }
            advance();
        }
        advance();
        return text.toString();
    }

    private char escape() throws IOException {
        return switch (next) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    advance();
                    int digit = next < 0 ? -1 : Character.digit(next, 16);
                    if (digit < 0) {
                        throw error("\\u needs four hexadecimal digits");
                    }
                    code = code << 4 | digit;
                }
                yield (char) code;
            }
            default -> throw error("unknown escape \\" + (next < 0 ? "" : String.valueOf((char) next)));
        };
    }

    private Long number() throws IOException {
        text.setLength(0);
        if (next == '-') {
            text.append('-');
            advance();
        }
        while (next >= '0' && next <= '9') {
            if (text.length() > 19) {
                throw error("a number of more than 19 digits");
            }
            text.append((char) next);
            advance();
        }
        String digits = text.charAt(0) == '-' ? text.substring(1) : text.toString();
        if (digits.isEmpty() || (digits.length() > 1 && digits.charAt(0) == '0')) {
            throw error("malformed number \"" + text + "\"");
        }
        if (next == '.' || next == 'e' || next == 'E') {
            throw error("a number with a fraction or exponent; a table holds integers only");
        }
        try {
            return Long.parseLong(text.toString());
        } catch (NumberFormatException e) {
            throw error("number \"" + text + "\" out of range");
        }
    }

    private Object literal(String word, Object value) throws IOException {
        for (int i = 0; i < word.length(); i++) {
            if (next != word.charAt(i)) {
                throw error("expected " + word);
            }
            advance();
        }
        return value;
    }

    private void expect(char c) throws IOException {
        if (next != c) {
            throw error("expected '" + c + "' but found " + describe());
        }
        advance();
    }

    private void skipSpace() throws IOException {
        while (next == ' ' || next == '\t' || next == '\n' || next == '\r') {
            advance();
        }
    }

    private void advance() throws IOException {
        if (next == '\n') {
            line++;
            column = 0;
        }
        next = in.read();
        column++;
    }

    private String describe() {
        if (next == -1) {
            return "the end of the input";
        }
        return next >= 0x20 && next < 0x7f ? "'" + (char) next + "'" : String.format("U+%04X", next);
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("line " + line + ", column " + column + ": " + message);
    }
}
