package dev.patchsite.linker.table;

import java.nio.charset.StandardCharsets;

/**
 * Escaping of the space-separated tokens of the table and declaration formats. JVM names may contain almost any
 * character (Kotlin test names contain spaces), so a token percent-encodes, as UTF-8 bytes, every character that
 * would break a line into the wrong tokens: controls, space, {@code %}, {@code ,}, {@code =} and {@code #}.
 * In names (not descriptors) {@code (} and {@code )} are encoded too, so the first {@code (} of
 * {@code name(descriptor)} always starts the descriptor.
 */
final class Tokens {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Tokens() {
    }

    /** Encodes a value that has no structure of its own (an id, a class name, a method name). */
    static String name(String value) {
        return encode(value, true);
    }

    /** Encodes a function id, which may contain parentheses (the default id is {@code owner.name(descriptor)}). */
    static String id(String value) {
        return encode(value, false);
    }

    /** Encodes a descriptor, keeping its parentheses. */
    static String descriptor(String value) {
        return encode(value, false);
    }

    /** Encodes {@code owner.name(descriptor)}. */
    static String method(MethodRef method) {
        return name(method.ownerBinaryName()) + '.' + name(method.name()) + descriptor(method.descriptor());
    }

    /** Decodes {@code owner.name(descriptor)} as written by {@link #method}. */
    static MethodRef parseMethod(String token) {
        int paren = token.indexOf('(');
        int dot = paren < 0 ? -1 : token.lastIndexOf('.', paren);
        if (paren < 0 || dot <= 0 || dot == paren - 1) {
            throw new IllegalArgumentException("expected owner.name(descriptor) but found \"" + token + "\"");
        }
        return new MethodRef(decode(token.substring(0, dot)).replace('.', '/'), decode(token.substring(dot + 1, paren)),
                decode(token.substring(paren)));
    }

    private static String encode(String value, boolean name) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean escape = c < 0x21 || c == 0x7f || c == '%' || c == ',' || c == '=' || c == '#'
                    || (name && (c == '(' || c == ')'));
            if (escape && out == null) {
                out = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            if (escape) {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }

    /** Decodes percent-escapes. */
    static String decode(String token) {
        if (token.indexOf('%') < 0) {
            return token;
        }
        byte[] utf8 = token.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length];
        int n = 0;
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '%') {
                if (i + 2 >= utf8.length) {
                    throw new IllegalArgumentException("incomplete %-escape in \"" + token + "\"");
                }
                out[n++] = (byte) (hex(utf8[i + 1], token) << 4 | hex(utf8[i + 2], token));
                i += 2;
            } else {
                out[n++] = utf8[i];
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private static int hex(byte b, String token) {
        int digit = Character.digit(b, 16);
        if (digit < 0) {
            throw new IllegalArgumentException("bad %-escape in \"" + token + "\"");
        }
        return digit;
    }
}
